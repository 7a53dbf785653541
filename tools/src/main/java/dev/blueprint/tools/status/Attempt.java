package dev.blueprint.tools.status;

import java.time.Instant;

/**
 * One try at a task.
 *
 * @param number 1 for the first attempt
 * @param endedAt null while running (or when the process running it died)
 * @param exitCode null while running, or when the agent never exited on its own
 * @param costUsd null when the agent does not report cost
 * @param logPath where the agent's output was written, or null
 * @param error why the attempt failed, or null
 */
public record Attempt(
    String runId,
    String taskId,
    int number,
    String agent,
    Instant startedAt,
    Instant endedAt,
    Integer exitCode,
    TokenUsage tokens,
    Double costUsd,
    String sessionId,
    String logPath,
    BsfError error) {}
