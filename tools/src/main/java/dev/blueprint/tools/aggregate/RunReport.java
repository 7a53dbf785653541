package dev.blueprint.tools.aggregate;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.blueprint.tools.status.BsfError;
import dev.blueprint.tools.status.RunState;
import dev.blueprint.tools.status.TaskState;
import dev.blueprint.tools.status.TokenUsage;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What {@code aggregate} says about a run when it ends. It fails loud: every task that did not land
 * is listed with its BSF error object, and the run counts as successful only if every scheduled
 * task landed. Serialised with snake_case keys and a top-level {@code schema_version}.
 *
 * @param successful the run ended and every scheduled task landed
 * @param problems every task that did not land, in blueprint order
 * @param runErrors errors that ended the run as a whole (failed preflight checks)
 * @param agents cost and tokens per agent family, by name
 * @param commits the commits the run landed, oldest first
 */
public record RunReport(
    @JsonProperty("schema_version") int schemaVersion,
    String runId,
    String blueprint,
    String baseBranch,
    RunState state,
    boolean successful,
    Instant startedAt,
    Instant endedAt,
    Long durationMs,
    int scheduled,
    int landed,
    Map<TaskState, Integer> counts,
    List<Problem> problems,
    List<BsfError> runErrors,
    List<AgentUsage> agents,
    Double costUsd,
    TokenUsage tokens,
    List<LandedCommit> commits) {

  public RunReport {
    counts = Map.copyOf(counts);
    problems = List.copyOf(problems);
    runErrors = List.copyOf(runErrors);
    agents = List.copyOf(agents);
    commits = List.copyOf(commits);
  }

  /**
   * A task that did not land.
   *
   * @param error the error the store recorded, or one made up that says why the task is where it is
   *     (a blocked or waiting task has no error of its own)
   */
  public record Problem(String taskId, TaskState state, int attempts, BsfError error) {}

  /**
   * What one agent family cost over the run.
   *
   * @param costUsd null when the agent never reported cost
   */
  public record AgentUsage(String agent, int attempts, Double costUsd, TokenUsage tokens) {}

  /** One commit on the base branch carrying the run's {@code Blueprint-Run} trailer. */
  public record LandedCommit(String sha, String subject, String taskId) {}
}
