package dev.blueprint.tools.aggregate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprint.journal.git.GitCli;
import dev.blueprint.tools.status.Attempt;
import dev.blueprint.tools.status.BsfError;
import dev.blueprint.tools.status.ErrorCode;
import dev.blueprint.tools.status.Event;
import dev.blueprint.tools.status.EventName;
import dev.blueprint.tools.status.Phase;
import dev.blueprint.tools.status.Run;
import dev.blueprint.tools.status.RunState;
import dev.blueprint.tools.status.RunStore;
import dev.blueprint.tools.status.StatusJson;
import dev.blueprint.tools.status.TaskRun;
import dev.blueprint.tools.status.TaskState;
import dev.blueprint.tools.status.TokenUsage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Builds a {@link RunReport} from the run store and the base branch's history. */
public final class RunReportReader {
  private final RunStore store;
  private final GitCli git;
  private final Path repo;

  public RunReportReader(RunStore store, GitCli git, Path repo) {
    this.store = store;
    this.git = git;
    this.repo = repo;
  }

  public Optional<RunReport> report(String runId) {
    Optional<Run> found = store.run(runId);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Run run = found.get();
    Map<TaskState, Integer> counts = new EnumMap<>(TaskState.class);
    List<RunReport.Problem> problems = new ArrayList<>();
    Map<String, AgentTotals> agents = new TreeMap<>();
    int landed = 0;
    List<TaskRun> tasks = store.tasks(runId);
    for (TaskRun t : tasks) {
      counts.merge(t.state(), 1, Integer::sum);
      if (t.state() == TaskState.LANDED) {
        landed++;
      } else {
        problems.add(new RunReport.Problem(t.taskId(), t.state(), t.attempts(), errorOf(t, run)));
      }
      for (Attempt a : store.attempts(runId, t.taskId())) {
        agents.computeIfAbsent(a.agent(), k -> new AgentTotals()).add(a);
      }
    }
    List<RunReport.AgentUsage> usage = new ArrayList<>();
    Double cost = null;
    TokenUsage tokens = TokenUsage.NONE;
    for (var e : agents.entrySet()) {
      AgentTotals a = e.getValue();
      usage.add(new RunReport.AgentUsage(e.getKey(), a.attempts, a.cost, a.tokens));
      if (a.cost != null) {
        cost = (cost == null ? 0 : cost) + a.cost;
      }
      tokens = tokens.plus(a.tokens);
    }
    boolean successful =
        run.state() == RunState.SUCCEEDED && problems.isEmpty() && !tasks.isEmpty();
    Long duration =
        run.endedAt() == null ? null : Duration.between(run.startedAt(), run.endedAt()).toMillis();
    return Optional.of(
        new RunReport(
            1,
            run.id(),
            run.blueprintPath(),
            run.baseBranch(),
            run.state(),
            successful,
            run.startedAt(),
            run.endedAt(),
            duration,
            tasks.size(),
            landed,
            counts,
            problems,
            runErrors(runId),
            usage,
            cost,
            tokens,
            LandedCommits.of(git, repo, runId, run.baseBranch())));
  }

  /**
   * The task's own error, or one that says why it did not land: a blocked, waiting or never-started
   * task has none of its own, and a report that lists a problem without a reason is no help.
   */
  private static BsfError errorOf(TaskRun t, Run run) {
    if (t.error() != null) {
      return t.error();
    }
    Instant when = t.updatedAt() != null ? t.updatedAt() : run.startedAt();
    String why =
        switch (t.state()) {
          case WAITING_HUMAN -> "waiting for a person: bp approve " + run.id() + " " + t.taskId();
          case BLOCKED -> "blocked: a task it depends on did not land";
          case SKIPPED -> "skipped";
          case PENDING ->
              run.state().isFinal() ? "never started: the run ended first" : "not started yet";
          case RUNNING -> "still running";
          case SUCCEEDED -> "succeeded but not landed yet";
          default -> t.state().wire() + " without a recorded error";
        };
    ErrorCode code =
        t.state() == TaskState.BLOCKED || t.state() == TaskState.PENDING
            ? ErrorCode.E_DEPENDENCY_MISSING
            : ErrorCode.E_EXECUTION_FAILED;
    return BsfError.of(code, why, t.taskId(), Phase.EXECUTION, when);
  }

  /** The errors in the run's last blueprint.failed event (failed preflight checks). */
  private List<BsfError> runErrors(String runId) {
    List<BsfError> out = new ArrayList<>();
    for (Event e : store.events(runId, 0)) {
      if (e.event() == EventName.BLUEPRINT_FAILED) {
        out.clear();
        JsonNode errors = e.data().path("errors");
        for (JsonNode n : errors) {
          out.add(StatusJson.mapper().convertValue(n, BsfError.class));
        }
      }
    }
    return out;
  }

  private static final class AgentTotals {
    int attempts;
    Double cost;
    TokenUsage tokens = TokenUsage.NONE;

    void add(Attempt a) {
      attempts++;
      if (a.costUsd() != null) {
        cost = (cost == null ? 0 : cost) + a.costUsd();
      }
      if (a.tokens() != null) {
        tokens = tokens.plus(a.tokens());
      }
    }
  }
}
