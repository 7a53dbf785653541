package dev.blueprint.tools.status;

import java.time.Instant;

/**
 * A task's state within a run.
 *
 * @param attempts how many attempts have started so far
 * @param error the error that put the task in its state, or null
 */
public record TaskRun(
    String runId,
    String taskId,
    TaskState state,
    int attempts,
    Instant updatedAt,
    BsfError error) {}
