package dev.blueprint.tools.dispatch;

import dev.blueprint.tools.blueprint.Durations;
import dev.blueprint.tools.blueprint.FailureAction;
import dev.blueprint.tools.blueprint.OnFailure;
import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;

/**
 * A task's {@code on_failure} as decisions: up to {@code max_retries} further attempts, the first
 * after {@code retry_delay} (default PT5S) and each later one twice as long, capped at ten minutes;
 * then its action (block, abort, skip) or its {@code fallback_task}. Attempts cut short by a crash
 * of blueprint itself do not count against the budget: the caller passes only the attempts that
 * really failed.
 */
public final class RetryPolicy {
  public static final Duration DEFAULT_DELAY = Duration.ofSeconds(5);
  public static final Duration MAX_DELAY = Duration.ofMinutes(10);
  private static final double MULTIPLIER = 2.0;

  private RetryPolicy() {}

  /**
   * @param failedAttempts how many attempts of the task have failed so far (at least 1)
   */
  public static RetryDecision afterFailure(OnFailure policy, int failedAttempts) {
    OnFailure p = policy == null ? OnFailure.DEFAULT : policy;
    if (failedAttempts <= p.maxRetries()) {
      Duration first = Durations.parseOr(p.retryDelay(), DEFAULT_DELAY);
      Duration delay =
          first.isZero()
              ? Duration.ZERO
              : Duration.ofMillis(
                  IntervalFunction.ofExponentialBackoff(first, MULTIPLIER, MAX_DELAY)
                      .apply(failedAttempts));
      return new RetryDecision.Retry(failedAttempts + 1, delay);
    }
    FailureAction action = p.action() == null ? FailureAction.BLOCK : p.action();
    return new RetryDecision.GiveUp(action, p.fallbackTask());
  }

  /** How many attempts a task may make in all: the first plus its retries. */
  public static int maxAttempts(OnFailure policy) {
    return 1 + (policy == null ? 0 : Math.max(0, policy.maxRetries()));
  }
}
