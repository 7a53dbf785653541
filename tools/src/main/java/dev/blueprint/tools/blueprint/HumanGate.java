package dev.blueprint.tools.blueprint;

/**
 * A task's {@code human_required} block: the run waits for a person before starting it. 2.0 writes
 * {@code action}/{@code reason}; 2.1 writes {@code description}/{@code action_required}.
 *
 * @param timeout as written (ISO-8601 duration), null for the default PT24H
 */
public record HumanGate(String action, String reason, String timeout, int line) {}
