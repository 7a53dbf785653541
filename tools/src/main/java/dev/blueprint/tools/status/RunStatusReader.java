package dev.blueprint.tools.status;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds {@link RunStatus} from the run store: the view behind {@code bp status} and the MCP {@code
 * status} tool. Wave progress comes from planning the run's blueprint file, worker slots from the
 * run's parallel limit and its running tasks, queue depth from the repository's commit queue. One
 * reader may be asked again and again (a watching status): it keeps the plan while the blueprint
 * file is unchanged and reads only new events.
 */
public final class RunStatusReader {
  /** The dispatcher's parallel limit when neither the run nor the blueprint gives one. */
  static final int DEFAULT_PARALLEL = 4;

  private final RunStore store;
  private final Clock clock;
  private final Path repo;
  private final RunPlanWaves plans = new RunPlanWaves();
  private final Map<String, RecordedLimit> limits = new ConcurrentHashMap<>();

  /** The parallel limit found in a run's events so far, and the last event read. */
  private record RecordedLimit(long lastSeq, Integer parallel) {}

  /** A reader without a repository: no queue depth, relative blueprint paths not resolved. */
  public RunStatusReader(RunStore store, Clock clock) {
    this(store, clock, null);
  }

  /**
   * @param repo the repository the store belongs to (its commit queue is read for queue depth), or
   *     null
   */
  public RunStatusReader(RunStore store, Clock clock, Path repo) {
    this.store = store;
    this.clock = clock;
    this.repo = repo;
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
    List<TaskRun> taskRuns = store.tasks(runId);
    Map<String, TaskState> states = new LinkedHashMap<>();
    taskRuns.forEach(t -> states.put(t.taskId(), t.state()));
    Optional<RunPlanWaves.Planned> planned = plans.plan(blueprintFile(run));
    WaveProgress waves = planned.map(p -> RunPlanWaves.progress(p.waves(), states)).orElse(null);
    Map<String, Integer> waveOf = new HashMap<>();
    if (waves != null) {
      waves.waves().forEach(w -> w.taskIds().forEach(id -> waveOf.put(id, w.number())));
    }
    Map<TaskState, Integer> counts = new EnumMap<>(TaskState.class);
    List<RunStatus.TaskLine> lines = new ArrayList<>();
    double cost = 0;
    boolean anyCost = false;
    TokenUsage tokens = TokenUsage.NONE;
    RunStatus.TaskLog log = null;
    for (TaskRun t : taskRuns) {
      counts.merge(t.state(), 1, Integer::sum);
      List<Attempt> attempts = store.attempts(runId, t.taskId());
      Double taskCost = null;
      Long total = null;
      for (Attempt a : attempts) {
        if (a.costUsd() != null) {
          taskCost = (taskCost == null ? 0 : taskCost) + a.costUsd();
        }
        tokens = tokens.plus(a.tokens() == null ? TokenUsage.NONE : a.tokens());
        Long took = RunStatus.millis(a.startedAt(), a.endedAt() != null ? a.endedAt() : now);
        if (took != null) {
          total = (total == null ? 0 : total) + took;
        }
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
              t.error(),
              total,
              waveOf.get(t.taskId())));
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
            log,
            waves,
            slots(runId, states, planned),
            repo == null ? null : QueueDepthReader.inRepository(repo).depth(runId).orElse(null)));
  }

  private WorkerSlots slots(
      String runId, Map<String, TaskState> states, Optional<RunPlanWaves.Planned> planned) {
    int busy = (int) states.values().stream().filter(s -> s == TaskState.RUNNING).count();
    Integer recorded = recordedParallel(runId);
    if (recorded != null) {
      return WorkerSlots.of(recorded, busy, WorkerSlots.FROM_RUN);
    }
    Integer fromBlueprint = planned.map(RunPlanWaves.Planned::maxParallel).orElse(null);
    if (fromBlueprint != null && fromBlueprint > 0) {
      return WorkerSlots.of(fromBlueprint, busy, WorkerSlots.FROM_BLUEPRINT);
    }
    return WorkerSlots.of(DEFAULT_PARALLEL, busy, WorkerSlots.FROM_DEFAULT);
  }

  /**
   * The limit the engine recorded for the run: the integer {@code parallel} in the data of its
   * latest event that has one (a resumed run may run with another limit), or null.
   */
  private Integer recordedParallel(String runId) {
    RecordedLimit known = limits.getOrDefault(runId, new RecordedLimit(0, null));
    long seq = known.lastSeq();
    Integer parallel = known.parallel();
    for (Event e : store.events(runId, seq)) {
      seq = e.seq();
      if (e.data().path("parallel").isInt() && e.data().path("parallel").asInt() > 0) {
        parallel = e.data().path("parallel").asInt();
      }
    }
    limits.put(runId, new RecordedLimit(seq, parallel));
    return parallel;
  }

  private Path blueprintFile(Run run) {
    Path p = Path.of(run.blueprintPath());
    return p.isAbsolute() || repo == null ? p : repo.resolve(p);
  }
}
