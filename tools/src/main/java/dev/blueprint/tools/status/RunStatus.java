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
 */
public record RunStatus(
    @JsonProperty("schema_version") int schemaVersion,
    Run run,
    Long durationMs,
    Map<TaskState, Integer> counts,
    List<TaskLine> tasks,
    Double costUsd,
    TokenUsage tokens,
    TaskLog log) {

  /**
   * One task's line.
   *
   * @param agent the agent of its latest attempt, or null before any
   * @param durationMs of its latest attempt, up to {@code now} while it runs
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
      BsfError error) {}

  /** A slice of one task's latest log. */
  public record TaskLog(String taskId, String path, LogTail tail) {}

  static Long millis(Instant from, Instant to) {
    return from == null || to == null ? null : Duration.between(from, to).toMillis();
  }
}
