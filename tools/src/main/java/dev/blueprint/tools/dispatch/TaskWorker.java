package dev.blueprint.tools.dispatch;

import dev.blueprint.journal.git.GitCli;
import dev.blueprint.journal.git.GitLayerException;
import dev.blueprint.journal.git.LandOutcome;
import dev.blueprint.journal.git.Trailers;
import dev.blueprint.journal.git.Workspace;
import dev.blueprint.journal.git.WorkspacePool;
import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.FailureAction;
import dev.blueprint.tools.blueprint.Task;
import dev.blueprint.tools.dispatch.agents.AgentResult;
import dev.blueprint.tools.status.Attempt;
import dev.blueprint.tools.status.AttemptOutcome;
import dev.blueprint.tools.status.BsfError;
import dev.blueprint.tools.status.CacheEntry;
import dev.blueprint.tools.status.ErrorCode;
import dev.blueprint.tools.status.Phase;
import dev.blueprint.tools.status.RunStore;
import dev.blueprint.tools.status.TaskRun;
import dev.blueprint.tools.status.TaskState;
import dev.blueprint.tools.status.TokenUsage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One task on a worker thread: a fresh workspace from the branch's current tip, then either the
 * cached result of an identical earlier attempt ({@link ResultCache}) or one attempt ({@link
 * TaskAttemptRunner}), landing through the commit queue, and the workspace given back. Anything it
 * throws becomes a failed task, so the coordinator always hears back.
 */
final class TaskWorker {
  private final RunStore store;
  private final WorkspacePool pool;
  private final WorkspaceLanding landing;
  private final GitCli git;
  private final TaskAttemptRunner attempts;
  private final ResultCache cache;
  private final Clock clock;

  TaskWorker(
      RunStore store,
      WorkspacePool pool,
      WorkspaceLanding landing,
      GitCli git,
      TaskAttemptRunner attempts,
      ResultCache cache,
      Clock clock) {
    this.store = store;
    this.pool = pool;
    this.landing = landing;
    this.git = git;
    this.attempts = attempts;
    this.cache = cache;
    this.clock = clock;
  }

  /** Runs the task once; never throws. */
  AttemptReport attempt(
      Blueprint bp,
      String runId,
      String baseBranch,
      Path repo,
      Path logDir,
      Task task,
      String agent) {
    try {
      return inWorkspace(bp, runId, baseBranch, repo, logDir, task, agent);
    } catch (RuntimeException e) {
      BsfError err =
          BsfError.of(
              ErrorCode.E_SETUP_FAILED,
              String.valueOf(e.getMessage()),
              task.id(),
              Phase.SETUP,
              clock.instant());
      try {
        Optional<TaskRun> t = store.task(runId, task.id());
        if (t.isPresent() && t.get().state() == TaskState.RUNNING) {
          // The attempt is still open (it failed while landing): end it with the task.
          store.finishAttempt(
              runId,
              task.id(),
              t.get().attempts(),
              AttemptOutcome.failed(TaskState.FAILED, null, err));
        } else {
          store.setTaskState(runId, task.id(), TaskState.FAILED, err, err.message());
        }
      } catch (RuntimeException ignored) {
        // The store itself failed; the run ends and reports what it has.
      }
      return new AttemptReport.GaveUp(err, FailureAction.BLOCK, null);
    }
  }

  private AttemptReport inWorkspace(
      Blueprint bp,
      String runId,
      String baseBranch,
      Path repo,
      Path logDir,
      Task task,
      String agent) {
    // The pool resolves the branch's current tip in-process (JGit): no git process per attempt.
    String base = "refs/heads/" + baseBranch;
    Workspace ws;
    try {
      ws = pool.acquire(runId, task.id(), base);
    } catch (GitLayerException e) {
      // A branch left by a dead process (or an orphaned git of one): its work never landed.
      LeftoverWorktrees.clear(
          git,
          repo,
          "bp/" + LeftoverWorktrees.safe(runId) + "/" + LeftoverWorktrees.safe(task.id()));
      ws = pool.acquire(runId, task.id(), base);
    }
    try {
      String fingerprint = cache == null ? null : cache.fingerprint(bp, task, agent, ws);
      if (fingerprint != null) {
        Optional<CacheEntry> hit = cache.restore(fingerprint, ws);
        if (hit.isPresent()) {
          return fromCache(runId, task, agent, ws, hit.get());
        }
      }
      AttemptReport report = attempts.run(runId, bp, task, agent, ws.dir(), logDir, Map.of());
      if (report instanceof AttemptReport.Succeeded s) {
        LandOutcome out = land(runId, task, agent, ws, s.result().sessionId(), s.unverified());
        if (fingerprint != null && out instanceof LandOutcome.Landed) {
          cache.remember(fingerprint, ws, runId, task.id());
        }
      }
      return report;
    } finally {
      pool.release(ws, false);
    }
  }

  /**
   * Lands a remembered result (the workspace already holds its tree) as an attempt that ran
   * nothing: no agent, no verification, no cost.
   */
  private AttemptReport fromCache(
      String runId, Task task, String agent, Workspace ws, CacheEntry hit) {
    Attempt a = store.startAttempt(runId, task.id(), agent, null);
    cache.recordHit(runId, task.id(), a.number(), hit);
    store.finishAttempt(
        runId, task.id(), a.number(), AttemptOutcome.succeeded(null, TokenUsage.NONE, 0.0, null));
    land(runId, task, agent, ws, null, false);
    return new AttemptReport.Succeeded(
        new AgentResult(true, "reused the cached result of run " + hit.runId(), 0.0, null, null, 0),
        new VerificationOutcome(List.of(), Optional.empty()),
        false);
  }

  private LandOutcome land(
      String runId, Task task, String agent, Workspace ws, String sessionId, boolean unverified) {
    LandOutcome out = landing.land(ws, task, new Trailers(runId, task.id(), agent, sessionId));
    if (out == WorkspaceLanding.NOTHING && unverified) {
      BsfError e =
          BsfError.of(
              ErrorCode.E_VERIFICATION_FAILED,
              "agent " + agent + " exited 0 but changed nothing, and the task has no verification",
              task.id(),
              Phase.VERIFICATION,
              clock.instant());
      store.setTaskState(runId, task.id(), TaskState.FAILED, e, e.message());
    } else if (out instanceof LandOutcome.Landed l) {
      store.setTaskState(runId, task.id(), TaskState.LANDED, null, "landed " + l.commit());
    } else if (out instanceof LandOutcome.Unchanged) {
      store.setTaskState(runId, task.id(), TaskState.LANDED, null, "nothing to land");
    } else if (out instanceof LandOutcome.Rejected r) {
      BsfError e =
          error(
              ErrorCode.E_EXECUTION_FAILED,
              "conflicts with the branch on " + String.join(", ", r.conflictPaths()),
              task);
      store.setTaskState(runId, task.id(), TaskState.CONFLICTED, e, e.message());
    } else if (out instanceof LandOutcome.GateFailed g) {
      BsfError e =
          error(
              ErrorCode.E_VERIFICATION_FAILED,
              "landing gate exited " + g.exitCode() + ": " + g.outputTail(),
              task);
      store.setTaskState(runId, task.id(), TaskState.FAILED, e, e.message());
    } else if (out instanceof LandOutcome.Failed f) {
      BsfError e = error(ErrorCode.E_EXECUTION_FAILED, f.code() + ": " + f.message(), task);
      store.setTaskState(runId, task.id(), TaskState.FAILED, e, e.message());
    }
    return out;
  }

  private BsfError error(ErrorCode code, String message, Task task) {
    return BsfError.of(code, message, task.id(), Phase.CLEANUP, clock.instant());
  }
}
