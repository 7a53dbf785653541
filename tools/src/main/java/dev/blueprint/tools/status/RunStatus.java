package dev.blueprint.tools.status;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What {@code status} reports about a run: its state, every task with its latest attempt, cost and
 * tokens so far, and optionally the log of one task. Serialised with snake_case keys and a
 * top-level {@code schema_version}.
 *
 * @param counts how many tasks are in each state (states with none are left out)
 * @param log the requested task's log slice, or null
 * @param waveProgress the plan's waves with done/total each and the current one, or null when the
 *     run's blueprint cannot be read any more
 * @param workerSlots the parallel limit against the tasks running now
 * @param queueDepth changes waiting in the repository's commit queue, or null when not known
 */
public record RunStatus(
    @JsonProperty("schema_version") int schemaVersion,
    Run run,
    Long durationMs,
    Map<TaskState, Integer> counts,
    List<TaskLine> tasks,
    Double costUsd,
    TokenUsage tokens,
    TaskLog log,
    WaveProgress waveProgress,
    WorkerSlots workerSlots,
    QueueDepth queueDepth) {

  /** The view before waves, slots and queue depth were added (kept for existing callers). */
  public RunStatus(
      int schemaVersion,
      Run run,
      Long durationMs,
      Map<TaskState, Integer> counts,
      List<TaskLine> tasks,
      Double costUsd,
      TokenUsage tokens,
      TaskLog log) {
    this(schemaVersion, run, durationMs, counts, tasks, costUsd, tokens, log, null, null, null);
  }

  /**
   * One task's line.
   *
   * @param agent the agent of its latest attempt, or null before any
   * @param durationMs of its latest attempt, up to {@code now} while it runs
   * @param totalDurationMs of all its attempts together (the running one up to {@code now}), or
   *     null before any
   * @param wave the plan wave it belongs to (1-based), or null when not known
   */
  public record TaskLine(
      String taskId,
      TaskState state,
      int attempts,
      String agent,
      Instant startedAt,
      Instant endedAt,
      Long durationMs,
      Double costUsd,
      BsfError error,
      Long totalDurationMs,
      Integer wave) {

    /** A line without total duration and wave (kept for existing callers). */
    public TaskLine(
        String taskId,
        TaskState state,
        int attempts,
        String agent,
        Instant startedAt,
        Instant endedAt,
        Long durationMs,
        Double costUsd,
        BsfError error) {
      this(
          taskId,
          state,
          attempts,
          agent,
          startedAt,
          endedAt,
          durationMs,
          costUsd,
          error,
          null,
          null);
    }
  }

  /** A slice of one task's latest log. */
  public record TaskLog(String taskId, String path, LogTail tail) {}

  static Long millis(Instant from, Instant to) {
    return from == null || to == null ? null : Duration.between(from, to).toMillis();
  }
}
