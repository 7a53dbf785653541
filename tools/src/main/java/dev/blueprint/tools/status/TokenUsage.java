package dev.blueprint.tools.status;

/**
 * Tokens an agent reported for one attempt. Cache figures are zero when the agent does not report
 * them.
 */
public record TokenUsage(
    long inputTokens, long outputTokens, long cacheReadTokens, long cacheCreationTokens) {
  public static final TokenUsage NONE = new TokenUsage(0, 0, 0, 0);

  public long total() {
    return inputTokens + outputTokens + cacheReadTokens + cacheCreationTokens;
  }

  public TokenUsage plus(TokenUsage o) {
    return new TokenUsage(
        inputTokens + o.inputTokens,
        outputTokens + o.outputTokens,
        cacheReadTokens + o.cacheReadTokens,
        cacheCreationTokens + o.cacheCreationTokens);
  }
}
