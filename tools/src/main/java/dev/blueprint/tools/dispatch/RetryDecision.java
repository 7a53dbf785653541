package dev.blueprint.tools.dispatch;

import dev.blueprint.tools.blueprint.FailureAction;
import java.time.Duration;

/** What to do after a task's attempt failed. */
public sealed interface RetryDecision {

  /** Try again after the delay. */
  record Retry(int nextAttempt, Duration delay) implements RetryDecision {}

  /**
   * Retries are used up: apply the task's {@code on_failure.action}, or run its fallback task.
   *
   * @param fallbackTask the task to run instead, or null
   */
  record GiveUp(FailureAction action, String fallbackTask) implements RetryDecision {}
}
