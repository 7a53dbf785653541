package dev.blueprint.tools.dispatch;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One circuit breaker per agent family (resilience4j): after {@code failuresToOpen} failures among
 * its last {@code window} attempts, no more work goes to that agent until {@code cooldown} has
 * passed; then one attempt is let through to probe it. Failures of the task's own making
 * (verification) are not the agent's: callers record only agent failures (crash, timeout, error).
 *
 * <p>Families in {@code exempt} have no breaker: they always get work and nothing is recorded. By
 * default that is {@code command}: a scripted task that fails, fails for its own reasons (its
 * script, its inputs), not because a shared agent is down, so one broken script must not pause
 * every other scripted task of the run.
 */
public final class AgentBreakers {
  /** The families {@link #defaults} leaves without a breaker. */
  public static final Set<String> EXEMPT_BY_DEFAULT = Set.of("command");

  private final CircuitBreakerRegistry registry;
  private final int window;
  private final Set<String> exempt;

  /** Breakers for every agent family, {@code command} included. */
  public AgentBreakers(int window, int failuresToOpen, Duration cooldown, Clock clock) {
    this(window, failuresToOpen, cooldown, clock, Set.of());
  }

  /**
   * @param exempt agent families that get no breaker
   */
  public AgentBreakers(
      int window, int failuresToOpen, Duration cooldown, Clock clock, Set<String> exempt) {
    this.window = window;
    this.exempt = Set.copyOf(exempt);
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

  /**
   * Defaults: 3 failures in the last 5 attempts open an agent's breaker for 5 minutes; the {@code
   * command} family has none.
   */
  public static AgentBreakers defaults(Clock clock) {
    return new AgentBreakers(5, 3, Duration.ofMinutes(5), clock, EXEMPT_BY_DEFAULT);
  }

  /**
   * Whether an attempt may go to the agent now; when it may, the caller must record its outcome.
   */
  public boolean allows(String agent) {
    if (exempt.contains(agent)) {
      return true;
    }
    return registry.circuitBreaker(agent).tryAcquirePermission();
  }

  public void recordSuccess(String agent, Duration took) {
    if (exempt.contains(agent)) {
      return;
    }
    registry.circuitBreaker(agent).onSuccess(took.toNanos(), TimeUnit.NANOSECONDS);
  }

  public void recordFailure(String agent, Duration took, String why) {
    if (exempt.contains(agent)) {
      return;
    }
    // resilience4j counts throwables; the message is only kept for its own diagnostics.
    registry
        .circuitBreaker(agent)
        .onError(took.toNanos(), TimeUnit.NANOSECONDS, new IllegalStateException(why));
  }

  /** Why the agent gets no work, when its breaker is open; empty otherwise. */
  public Optional<String> whyRefused(String agent) {
    if (exempt.contains(agent)) {
      return Optional.empty();
    }
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
