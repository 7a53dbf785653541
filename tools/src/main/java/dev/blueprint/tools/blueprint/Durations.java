package dev.blueprint.tools.blueprint;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Durations as blueprints write them: ISO-8601 ({@code PT2M}, {@code P1DT2H}), or a plain number of
 * seconds (BSF 2.1, also {@code 300s}).
 */
public final class Durations {
  private Durations() {}

  /** Parses a duration, or returns empty when the text is neither ISO-8601 nor seconds. */
  public static Optional<Duration> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.trim();
    if (t.matches("\\d{1,9}s?")) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(t.replace("s", ""))));
    }
    try {
      Duration d = Duration.parse(t);
      return d.isNegative() ? Optional.empty() : Optional.of(d);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** Parses a duration, falling back to {@code otherwise} when absent or malformed. */
  public static Duration parseOr(String text, Duration otherwise) {
    return parse(text).orElse(otherwise);
  }
}
