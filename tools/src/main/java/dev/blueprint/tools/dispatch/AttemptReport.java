package dev.blueprint.tools.dispatch;

import dev.blueprint.tools.blueprint.FailureAction;
import dev.blueprint.tools.dispatch.agents.AgentResult;
import dev.blueprint.tools.status.BsfError;
import java.time.Duration;

/** How one attempt at a task ended, as the engine must act on it. */
public sealed interface AttemptReport {

  /**
   * The agent finished and verification passed; the workspace holds the work to commit.
   *
   * @param unverified true when the task has no verification at all (the engine flags it if the
   *     workspace also did not change)
   */
  record Succeeded(AgentResult result, VerificationOutcome verification, boolean unverified)
      implements AttemptReport {}

  /** The attempt failed and the task will be tried again after the delay. */
  record WillRetry(BsfError error, Duration delay) implements AttemptReport {}

  /** The attempt failed and retries are used up: apply the action or run the fallback task. */
  record GaveUp(BsfError error, FailureAction action, String fallbackTask)
      implements AttemptReport {}

  /** The task was not started: a secret it needs is missing and on_missing is skip_task. */
  record Skipped(BsfError error) implements AttemptReport {}

  /** The task was not started and the run must stop (missing secret with on_missing abort). */
  record AbortRun(BsfError error) implements AttemptReport {}

  /** The task was not started because its agent's circuit breaker is open; try later. */
  record AgentPaused(String why) implements AttemptReport {}
}
