package dev.blueprint.tools.status;

import java.util.List;
import java.util.Optional;

/**
 * Durable run state: runs, the tasks of each run, their attempts and the event log. Every mutating
 * call is one transaction that also records the event it implies, so a crash never leaves a state
 * change without its event or half a change. Implementations are safe to share between threads and
 * between processes on one machine.
 */
public interface RunStore extends AutoCloseable {

  /**
   * Creates a run with its tasks PENDING (or WAITING_HUMAN for the ids in {@code gatedTaskIds}),
   * and records blueprint.start.
   */
  Run createRun(
      String blueprintPath, String baseBranch, List<String> taskIds, List<String> gatedTaskIds);

  Optional<Run> run(String runId);

  /** All runs, newest first. */
  List<Run> runs();

  /**
   * Ends a run: RUNNING to SUCCEEDED (blueprint.complete), FAILED or ABORTED (blueprint.failed).
   */
  default Run finishRun(String runId, RunState state, String message) {
    return finishRun(runId, state, message, List.of());
  }

  /**
   * Ends a run as {@link #finishRun(String, RunState, String)} does, with the errors that ended it
   * (failed preflight checks, a missing secret) in the event's data.
   */
  Run finishRun(String runId, RunState state, String message, List<BsfError> errors);

  /** The run's tasks, in the order they were given at creation. */
  List<TaskRun> tasks(String runId);

  Optional<TaskRun> task(String runId, String taskId);

  /**
   * Starts the next attempt of a task: counts it, moves the task to RUNNING, records task.start.
   *
   * @throws IllegalStateException when the task is final or already running
   */
  Attempt startAttempt(String runId, String taskId, String agent, String logPath);

  /**
   * Ends an attempt and moves its task to {@code outcome.nextState()}, recording task.complete,
   * task.failed, or task.retry when the next state is PENDING.
   */
  Attempt finishAttempt(String runId, String taskId, int attemptNumber, AttemptOutcome outcome);

  /**
   * Moves a task to a state outside an attempt (LANDED, CONFLICTED, SKIPPED, BLOCKED, PENDING after
   * a crash or approval, WAITING_HUMAN), with the matching event.
   */
  TaskRun setTaskState(String runId, String taskId, TaskState state, BsfError error, String why);

  List<Attempt> attempts(String runId, String taskId);

  /**
   * Releases a task that waits for a person ({@code human_required}): WAITING_HUMAN to PENDING,
   * recorded as task.resume naming who approved.
   *
   * @throws IllegalStateException when the task is not waiting
   */
  default TaskRun approve(String runId, String taskId, String approvedBy) {
    TaskRun t =
        task(runId, taskId)
            .orElseThrow(
                () -> new IllegalArgumentException("no task " + taskId + " in run " + runId));
    if (t.state() != TaskState.WAITING_HUMAN) {
      throw new IllegalStateException(
          "task " + taskId + " is " + t.state().wire() + ", not waiting for approval");
    }
    return setTaskState(runId, taskId, TaskState.PENDING, null, "approved by " + approvedBy);
  }

  /**
   * After a crash: ends every attempt of the run still open (E_EXECUTION_FAILED, "interrupted") and
   * moves its RUNNING task back to PENDING with task.resume, all in one transaction, so the next
   * attempt gets a new number. Tasks that SUCCEEDED or LANDED are left alone. Returns the tasks
   * moved.
   */
  List<TaskRun> recoverInterrupted(String runId, String why);

  /** The result a successful attempt with this fingerprint produced, if one was remembered. */
  Optional<CacheEntry> cached(String fingerprint);

  /** Remembers the commit a successful attempt produced, under its fingerprint (replacing any). */
  CacheEntry remember(String fingerprint, String runId, String taskId, String commitId);

  /** Records an event that changes no state (lock.acquired, lock.released, task.checkpoint). */
  Event record(Event event);

  /** The run's events in the order they were recorded, after the given sequence number. */
  List<Event> events(String runId, long afterSeq);

  @Override
  void close();
}
