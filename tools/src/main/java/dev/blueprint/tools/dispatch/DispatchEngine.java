package dev.blueprint.tools.dispatch;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.blueprint.journal.git.CommitQueue;
import dev.blueprint.journal.git.GitCli;
import dev.blueprint.journal.git.WorkspacePool;
import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.FailureAction;
import dev.blueprint.tools.blueprint.LockUse;
import dev.blueprint.tools.blueprint.Task;
import dev.blueprint.tools.dispatch.agents.AgentSelector;
import dev.blueprint.tools.status.Event;
import dev.blueprint.tools.status.EventName;
import dev.blueprint.tools.status.Level;
import dev.blueprint.tools.status.Phase;
import dev.blueprint.tools.status.RunState;
import dev.blueprint.tools.status.RunStore;
import dev.blueprint.tools.status.TaskRun;
import dev.blueprint.tools.status.TaskState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The run loop: starts ready tasks from the plan up to the parallel limit, each in its own
 * workspace under its locks, runs one attempt ({@link TaskAttemptRunner}), lands successful work
 * through the commit queue, applies retries and {@code on_failure}, and ends the run when nothing
 * more can start. One coordinator thread decides; worker threads run attempts.
 *
 * <p>A task that gives up and names an {@code on_failure.fallback_task} has that task run in its
 * place ({@link FallbackTasks}). Calling {@link #run} again on a run whose process died resumes it.
 */
public final class DispatchEngine {
  private static final Duration PAUSED_AGENT_RETRY = Duration.ofSeconds(30);

  /** How often a run with tasks waiting for a person looks for approvals made elsewhere. */
  private static final Duration GATE_CHECK = Duration.ofSeconds(1);

  private final RunStore store;
  private final TaskWorker worker;
  private final Clock clock;

  public DispatchEngine(
      RunStore store,
      WorkspacePool pool,
      CommitQueue queue,
      GitCli git,
      TaskAttemptRunner attempts,
      Clock clock) {
    this(store, pool, queue, git, attempts, null, clock);
  }

  /**
   * @param cache the deterministic cache ({@code --cache}), or null to run every task
   */
  public DispatchEngine(
      RunStore store,
      WorkspacePool pool,
      CommitQueue queue,
      GitCli git,
      TaskAttemptRunner attempts,
      ResultCache cache,
      Clock clock) {
    this.store = store;
    this.worker =
        new TaskWorker(
            store,
            pool,
            new WorkspaceLanding(git, queue, Duration.ofMinutes(10)),
            git,
            attempts,
            cache,
            clock);
    this.clock = clock;
  }

  /** A finished worker: the task and what its attempt came to. */
  private record Done(String taskId, AttemptReport report) {}

  /**
   * Runs the run until nothing more can start, and returns how it ended.
   *
   * @param repo the main checkout (its {@code baseBranch} is where work lands)
   * @param logDir where agent and verification logs go
   */
  public RunResult run(
      Blueprint bp,
      String runId,
      String baseBranch,
      Path repo,
      Path logDir,
      int parallel,
      AgentSelector agents)
      throws InterruptedException {
    requeueAfterCrash(runId);
    // The limit is this process's (a resume may be given another --parallel); status reads it here.
    store.record(
        Event.of(
            runId,
            EventName.TASK_CHECKPOINT,
            clock.instant(),
            Level.INFO,
            null,
            Phase.SETUP,
            "engine started with " + parallel + " worker(s)",
            JsonNodeFactory.instance.objectNode().put("parallel", parallel)));
    LockTable locks = new LockTable(bp.execution().resourceLocks());
    Map<String, Instant> notBefore = new HashMap<>();
    Set<String> running = new HashSet<>();
    LinkedBlockingQueue<Done> finished = new LinkedBlockingQueue<>();
    FallbackTasks fallbacks = new FallbackTasks(store, runId, clock);
    ReadyTasks tasks = ReadyTasks.of(bp, store.tasks(runId), fallbacks.replaced());
    long nextGateCheck = System.nanoTime() + GATE_CHECK.toNanos();
    ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, parallel));
    boolean abort = false;
    try {
      while (true) {
        if (!abort && tasks.hasWaitingHuman() && System.nanoTime() - nextGateCheck >= 0) {
          // A person may approve a gated task from another process while the run goes on.
          tasks.resync(store.tasks(runId), fallbacks.replaced());
          nextGateCheck = System.nanoTime() + GATE_CHECK.toNanos();
        }
        if (!abort) {
          // Fallbacks first (they start whatever their own dependencies say), then the ready set
          // in run order, read lazily: only as far as it takes to fill the free slots.
          Iterator<String> fallbackIds = fallbacks.toStart(tasks.states(), running).iterator();
          Iterator<String> readyIds = tasks.ready();
          List<String> started = new ArrayList<>();
          while (running.size() < parallel && (fallbackIds.hasNext() || readyIds.hasNext())) {
            String id = fallbackIds.hasNext() ? fallbackIds.next() : readyIds.next();
            Task task = bp.task(id).orElseThrow();
            boolean startable =
                !running.contains(id)
                    && tasks.state(id) == TaskState.PENDING
                    && !notBefore.getOrDefault(id, Instant.MIN).isAfter(clock.instant());
            if (startable && locks.tryAcquire(id, task.locks())) {
              lockEvents(runId, id, task.locks(), EventName.LOCK_ACQUIRED);
              running.add(id);
              started.add(id);
              fallbacks.starting(id);
              String agent = agents.agentFor(task);
              workers.submit(
                  () ->
                      finished.add(
                          new Done(
                              task.id(),
                              worker.attempt(bp, runId, baseBranch, repo, logDir, task, agent))));
            }
          }
          for (String id : started) {
            tasks.update(id, TaskState.RUNNING);
          }
        }
        if (running.isEmpty() && (abort || !waitingForRetry(tasks, notBefore))) {
          if (!abort
              && tasks.hasWaitingHuman()
              && tasks.resync(store.tasks(runId), fallbacks.replaced())) {
            continue;
          }
          break;
        }
        Done d = finished.poll(200, TimeUnit.MILLISECONDS);
        while (d != null) {
          running.remove(d.taskId());
          locks.release(d.taskId());
          lockEvents(
              runId,
              d.taskId(),
              bp.task(d.taskId()).orElseThrow().locks(),
              EventName.LOCK_RELEASED);
          abort |= settle(bp, runId, d, notBefore, fallbacks);
          TaskState now = store.task(runId, d.taskId()).map(TaskRun::state).orElse(null);
          if (now != null) {
            tasks.update(d.taskId(), now);
          }
          d = finished.poll();
        }
        if (fallbacks.awaiting()) {
          abort |= fallbacks.resolve(bp, tasks.states(), running);
          // Resolving may skip originals and make landed fallbacks stand in for them.
          tasks.resync(store.tasks(runId), fallbacks.replaced());
        }
      }
    } finally {
      workers.shutdownNow();
    }
    return finish(runId, abort, fallbacks.replaced());
  }

  /**
   * Makes a run resumable after its process died: attempts left open become interrupted ones and
   * their tasks pending again; a task that succeeded but never landed runs again (its workspace is
   * gone). Landed tasks are never run again. On a fresh run this changes nothing.
   */
  private void requeueAfterCrash(String runId) {
    store.recoverInterrupted(runId, "the process running it stopped; resumed");
    for (TaskRun t : store.tasks(runId)) {
      if (t.state() == TaskState.SUCCEEDED) {
        store.setTaskState(
            runId, t.taskId(), TaskState.PENDING, null, "resumed: its work had not landed yet");
      }
    }
  }

  /** Applies a finished attempt's report; returns true when the run must stop. */
  private boolean settle(
      Blueprint bp, String runId, Done d, Map<String, Instant> notBefore, FallbackTasks fallbacks) {
    AttemptReport r = d.report();
    if (r instanceof AttemptReport.WillRetry w) {
      notBefore.put(d.taskId(), clock.instant().plus(w.delay()));
    } else if (r instanceof AttemptReport.AgentPaused) {
      notBefore.put(d.taskId(), clock.instant().plus(PAUSED_AGENT_RETRY));
    } else if (r instanceof AttemptReport.GaveUp g) {
      if (g.fallbackTask() != null && bp.task(g.fallbackTask()).isPresent()) {
        fallbacks.await(d.taskId(), g.fallbackTask());
        return false;
      }
      if (g.action() == FailureAction.SKIP) {
        store.setTaskState(
            runId,
            d.taskId(),
            TaskState.SKIPPED,
            g.error(),
            "skipped after failing: " + g.error().message());
      }
      return g.action() == FailureAction.ABORT;
    } else if (r instanceof AttemptReport.AbortRun) {
      return true;
    }
    return false;
  }

  private static boolean waitingForRetry(ReadyTasks tasks, Map<String, Instant> notBefore) {
    return notBefore.keySet().stream().anyMatch(id -> tasks.state(id) == TaskState.PENDING);
  }

  private Map<String, TaskState> states(String runId) {
    Map<String, TaskState> m = new LinkedHashMap<>();
    for (TaskRun t : store.tasks(runId)) {
      m.put(t.taskId(), t.state());
    }
    return m;
  }

  private void lockEvents(String runId, String taskId, List<LockUse> uses, EventName name) {
    for (LockUse u : uses) {
      store.record(
          Event.of(runId, name, clock.instant(), Level.INFO, taskId, Phase.SETUP, u.name(), null));
    }
  }

  private RunResult finish(String runId, boolean aborted, Set<String> replaced) {
    Map<String, TaskState> states = states(runId);
    boolean waiting = states.containsValue(TaskState.WAITING_HUMAN);
    boolean allLanded =
        states.entrySet().stream()
            .allMatch(e -> e.getValue() == TaskState.LANDED || replaced.contains(e.getKey()));
    if (waiting && !aborted) {
      return new RunResult(runId, RunState.RUNNING, states);
    }
    RunState end = aborted ? RunState.ABORTED : allLanded ? RunState.SUCCEEDED : RunState.FAILED;
    long notLanded =
        states.entrySet().stream()
            .filter(e -> e.getValue() != TaskState.LANDED && !replaced.contains(e.getKey()))
            .count();
    store.finishRun(
        runId, end, allLanded ? "every task landed" : notLanded + " task(s) did not land");
    return new RunResult(runId, end, states);
  }
}
