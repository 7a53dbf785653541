package dev.blueprint.tools.blueprint;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Durations as blueprints write them: ISO-8601 ({@code PT2M}, {@code P1DT2H}), or a plain number of
 * seconds (BSF 2.1, also {@code 300s}). Shorthand with a unit ({@code 24h}, {@code 5m}, {@code 1d},
 * {@code 500ms}) is read too, since people plausibly mean it; {@link #isStandard} tells the
 * validator to warn about it.
 */
public final class Durations {
  private Durations() {}

  private static final java.util.regex.Pattern SECONDS =
      java.util.regex.Pattern.compile("\\d{1,9}s?");
  private static final java.util.regex.Pattern UNIT =
      java.util.regex.Pattern.compile("(?i)(\\d{1,9})\\s*(ms|m|min|h|d)");

  /** Parses a duration, or returns empty when the text is neither ISO-8601 nor seconds. */
  public static Optional<Duration> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.trim();
    if (SECONDS.matcher(t).matches()) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(t.replace("s", ""))));
    }
    java.util.regex.Matcher unit = UNIT.matcher(t);
    if (unit.matches()) {
      long n = Long.parseLong(unit.group(1));
      return Optional.of(
          switch (unit.group(2).toLowerCase(java.util.Locale.ROOT)) {
            case "ms" -> Duration.ofMillis(n);
            case "m", "min" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
          });
    }
    try {
      Duration d = Duration.parse(t);
      return d.isNegative() ? Optional.empty() : Optional.of(d);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether the text is in a form BSF defines: ISO-8601, or whole seconds (2.1). Shorthand such as
   * {@code 24h} parses but is not standard.
   */
  public static boolean isStandard(String text) {
    if (text == null) {
      return false;
    }
    String t = text.trim();
    if (SECONDS.matcher(t).matches()) {
      return true;
    }
    try {
      return !Duration.parse(t).isNegative();
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** Parses a duration, falling back to {@code otherwise} when absent or malformed. */
  public static Duration parseOr(String text, Duration otherwise) {
    return parse(text).orElse(otherwise);
  }
}
