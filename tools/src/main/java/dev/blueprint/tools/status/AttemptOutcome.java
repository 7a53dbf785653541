package dev.blueprint.tools.status;

/**
 * How an attempt ended, recorded in one transaction with the task's next state.
 *
 * @param nextState the task's state after this attempt: SUCCEEDED, FAILED, TIMED_OUT, or PENDING
 *     when it will be retried
 */
public record AttemptOutcome(
    TaskState nextState,
    Integer exitCode,
    TokenUsage tokens,
    Double costUsd,
    String sessionId,
    BsfError error) {

  public static AttemptOutcome succeeded(
      Integer exitCode, TokenUsage tokens, Double costUsd, String sessionId) {
    return new AttemptOutcome(TaskState.SUCCEEDED, exitCode, tokens, costUsd, sessionId, null);
  }

  public static AttemptOutcome failed(TaskState nextState, Integer exitCode, BsfError error) {
    return new AttemptOutcome(nextState, exitCode, TokenUsage.NONE, null, null, error);
  }
}
