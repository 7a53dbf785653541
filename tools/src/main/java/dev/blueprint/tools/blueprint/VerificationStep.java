package dev.blueprint.tools.blueprint;

import java.util.List;

/**
 * One verification tier of a task.
 *
 * @param timeout the timeout as written (ISO-8601 duration, or seconds in 2.1), null for the
 *     default PT2M; see {@link Durations}
 * @param expectedExitCode the exit code that means success (0 unless the file says otherwise)
 */
public record VerificationStep(
    TestTier tier,
    String command,
    String timeout,
    List<String> requiresResources,
    boolean optional,
    int expectedExitCode,
    int line) {}
