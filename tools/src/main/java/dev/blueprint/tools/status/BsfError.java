package dev.blueprint.tools.status;

import java.time.Instant;

/**
 * The BSF error object: what failed, where, with the captured output, an optional nested cause and
 * the retry position. Serialised with snake_case keys by {@link StatusJson}.
 *
 * @param taskId null for run-level failures (preflight)
 * @param details null when no process ran
 * @param cause the error that led to this one, or null
 * @param retryInfo null when the failure is not an attempt of a task
 */
public record BsfError(
    ErrorCode code,
    String message,
    String taskId,
    Phase phase,
    Instant timestamp,
    ErrorDetails details,
    BsfError cause,
    RetryInfo retryInfo) {

  /** An error without output, cause or retry position. */
  public static BsfError of(
      ErrorCode code, String message, String taskId, Phase phase, Instant timestamp) {
    return new BsfError(code, message, taskId, phase, timestamp, null, null, null);
  }

  public BsfError withDetails(ErrorDetails d) {
    return new BsfError(code, message, taskId, phase, timestamp, d, cause, retryInfo);
  }

  public BsfError withCause(BsfError c) {
    return new BsfError(code, message, taskId, phase, timestamp, details, c, retryInfo);
  }

  public BsfError withRetryInfo(RetryInfo r) {
    return new BsfError(code, message, taskId, phase, timestamp, details, cause, r);
  }
}
