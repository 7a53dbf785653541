package dev.blueprint.tools.dispatch;

import dev.blueprint.tools.blueprint.TestTier;
import dev.blueprint.tools.status.BsfError;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a task's verification came to: each tier that ran, and the error that fails the task (the
 * first required tier that failed), if any.
 */
public record VerificationOutcome(List<Step> steps, Optional<BsfError> failure) {

  public VerificationOutcome {
    steps = List.copyOf(steps);
  }

  /**
   * One tier that ran.
   *
   * @param exitCode null when it timed out or could not start
   */
  public record Step(
      TestTier tier,
      String command,
      boolean passed,
      boolean optional,
      Integer exitCode,
      Duration took) {}

  public boolean passed() {
    return failure.isEmpty();
  }

  /**
   * Whether the task had nothing to verify (the engine flags such tasks when they change nothing).
   */
  public boolean empty() {
    return steps.isEmpty();
  }
}
