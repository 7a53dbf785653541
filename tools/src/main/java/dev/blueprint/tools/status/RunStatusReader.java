package dev.blueprint.tools.status;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds {@link RunStatus} from the run store: the view behind {@code bp status} and the MCP {@code
 * status} tool. Wave progress, worker slots and queue depth come from the engine and are added
 * there.
 */
public final class RunStatusReader {
  private final RunStore store;
  private final Clock clock;

  public RunStatusReader(RunStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * @param logTaskId the task whose log to include, or null for none
   * @param logOffset continue the log from here, or null for its end
   */
  public Optional<RunStatus> status(String runId, String logTaskId, Long logOffset) {
    Optional<Run> found = store.run(runId);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Run run = found.get();
    Instant now = clock.instant();
    Map<TaskState, Integer> counts = new EnumMap<>(TaskState.class);
    List<RunStatus.TaskLine> lines = new ArrayList<>();
    double cost = 0;
    boolean anyCost = false;
    TokenUsage tokens = TokenUsage.NONE;
    RunStatus.TaskLog log = null;
    for (TaskRun t : store.tasks(runId)) {
      counts.merge(t.state(), 1, Integer::sum);
      List<Attempt> attempts = store.attempts(runId, t.taskId());
      Double taskCost = null;
      for (Attempt a : attempts) {
        if (a.costUsd() != null) {
          taskCost = (taskCost == null ? 0 : taskCost) + a.costUsd();
        }
        tokens = tokens.plus(a.tokens() == null ? TokenUsage.NONE : a.tokens());
      }
      if (taskCost != null) {
        cost += taskCost;
        anyCost = true;
      }
      Attempt last = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
      Instant end = last == null ? null : last.endedAt() != null ? last.endedAt() : now;
      lines.add(
          new RunStatus.TaskLine(
              t.taskId(),
              t.state(),
              t.attempts(),
              last == null ? null : last.agent(),
              last == null ? null : last.startedAt(),
              last == null ? null : last.endedAt(),
              last == null ? null : RunStatus.millis(last.startedAt(), end),
              taskCost,
              t.error()));
      if (t.taskId().equals(logTaskId) && last != null && last.logPath() != null) {
        log =
            new RunStatus.TaskLog(
                t.taskId(),
                last.logPath(),
                LogTail.read(Path.of(last.logPath()), logOffset, LogTail.DEFAULT_MAX_BYTES));
      }
    }
    Instant runEnd = run.endedAt() != null ? run.endedAt() : now;
    return Optional.of(
        new RunStatus(
            1,
            run,
            RunStatus.millis(run.startedAt(), runEnd),
            counts,
            lines,
            anyCost ? cost : null,
            tokens,
            log));
  }
}
