package dev.blueprint.tools.dispatch;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One circuit breaker per agent family (resilience4j): after {@code failuresToOpen} failures among
 * its last {@code window} attempts, no more work goes to that agent until {@code cooldown} has
 * passed; then one attempt is let through to probe it. Failures of the task's own making
 * (verification) are not the agent's: callers record only agent failures (crash, timeout, error).
 */
public final class AgentBreakers {
  private final CircuitBreakerRegistry registry;
  private final int window;

  public AgentBreakers(int window, int failuresToOpen, Duration cooldown, Clock clock) {
    this.window = window;
    CircuitBreakerConfig config =
        CircuitBreakerConfig.custom()
            .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
            .slidingWindowSize(window)
            .minimumNumberOfCalls(failuresToOpen)
            .failureRateThreshold(100f * failuresToOpen / window)
            .waitDurationInOpenState(cooldown)
            .permittedNumberOfCallsInHalfOpenState(1)
            .clock(clock)
            .currentTimestampFunction(c -> c.millis(), TimeUnit.MILLISECONDS)
            .build();
    this.registry = CircuitBreakerRegistry.of(config);
  }

  /** Defaults: 3 failures in the last 5 attempts open the breaker for 5 minutes. */
  public static AgentBreakers defaults(Clock clock) {
    return new AgentBreakers(5, 3, Duration.ofMinutes(5), clock);
  }

  /**
   * Whether an attempt may go to the agent now; when it may, the caller must record its outcome.
   */
  public boolean allows(String agent) {
    return registry.circuitBreaker(agent).tryAcquirePermission();
  }

  public void recordSuccess(String agent, Duration took) {
    registry.circuitBreaker(agent).onSuccess(took.toNanos(), TimeUnit.NANOSECONDS);
  }

  public void recordFailure(String agent, Duration took, String why) {
    // resilience4j counts throwables; the message is only kept for its own diagnostics.
    registry
        .circuitBreaker(agent)
        .onError(took.toNanos(), TimeUnit.NANOSECONDS, new IllegalStateException(why));
  }

  /** Why the agent gets no work, when its breaker is open; empty otherwise. */
  public Optional<String> whyRefused(String agent) {
    CircuitBreaker cb = registry.circuitBreaker(agent);
    if (cb.getState() != CircuitBreaker.State.OPEN) {
      return Optional.empty();
    }
    CircuitBreaker.Metrics m = cb.getMetrics();
    return Optional.of(
        "agent "
            + agent
            + " is paused: "
            + m.getNumberOfFailedCalls()
            + " of its last "
            + Math.min(window, m.getNumberOfBufferedCalls())
            + " attempts failed");
  }
}
