package dev.blueprint.journal.transcript;

/**
 * Token counts of one or more model calls, in the four buckets Anthropic's API reports.
 *
 * @param input uncached input tokens
 * @param output output tokens
 * @param cacheCreation input tokens written to the prompt cache
 * @param cacheRead input tokens read from the prompt cache
 */
public record TokenUsage(long input, long output, long cacheCreation, long cacheRead) {

  /** No tokens. */
  public static final TokenUsage ZERO = new TokenUsage(0, 0, 0, 0);

  /** The sum of both usages. */
  public TokenUsage plus(TokenUsage other) {
    return new TokenUsage(
        input + other.input,
        output + other.output,
        cacheCreation + other.cacheCreation,
        cacheRead + other.cacheRead);
  }

  /** Every token counted once, whatever its bucket. */
  public long total() {
    return input + output + cacheCreation + cacheRead;
  }
}
