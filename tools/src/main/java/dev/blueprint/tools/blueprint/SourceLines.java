package dev.blueprint.tools.blueprint;

import java.util.Arrays;

/**
 * A text with {@code \n} line ends and the offset where each line starts, computed once. Lines are
 * cut out on demand: keeping every line of a 40 MiB blueprint as its own string cost more memory
 * than the tasks read from it. The text may be a Latin-1 view of UTF-8 bytes (see {@link
 * SourceText}): offsets and {@link #line} are then in bytes, and values are cut with {@link
 * #slice}.
 */
final class SourceLines {
  private final SourceText source;
  private final String text;
  private final int[] starts;
  private final int count;

  /** {@code text} with {@code \r\n} and lone {@code \r} line ends turned into {@code \n}. */
  SourceLines(String text) {
    this(SourceText.of(text));
  }

  SourceLines(SourceText source) {
    this.source = source;
    this.text = source.text();
    int[] s = new int[1024];
    int n = 1;
    for (int i = this.text.indexOf('\n'); i >= 0; i = this.text.indexOf('\n', i + 1)) {
      if (n == s.length) {
        s = Arrays.copyOf(s, n * 2);
      }
      s[n++] = i + 1;
    }
    this.starts = s;
    this.count = n;
  }

  /** How many lines, as {@code split("\r\n|\r|\n", -1)} counts them. */
  int count() {
    return count;
  }

  /**
   * Line {@code i} (0-based) without its line end, as indexed (a view's line for a view: fine for
   * comparing with ASCII, not as a value).
   */
  String line(int i) {
    int end = i + 1 < count ? starts[i + 1] - 1 : text.length();
    return text.substring(starts[i], end);
  }

  /** The decoded text from offset {@code from} to {@code to} (see {@link SourceText#slice}). */
  String slice(int from, int to) {
    return source.slice(from, to);
  }

  /** The text and how its pieces are decoded. */
  SourceText source() {
    return source;
  }

  /** The text as indexed, with {@code \n} line ends. */
  String text() {
    return text;
  }

  /** Where line {@code i} starts in {@link #text()}. */
  int start(int i) {
    return starts[i];
  }

  /** Where line {@code i} ends (its {@code \n}, or the end of the text). */
  int end(int i) {
    return i + 1 < count ? starts[i + 1] - 1 : text.length();
  }

  /** The text with lines {@code 0..upTo-1} emptied, keeping every later line where it was. */
  String blankedBefore(int upTo) {
    if (upTo <= 0) {
      return text;
    }
    if (upTo >= count) {
      return "\n".repeat(count - 1);
    }
    return "\n".repeat(upTo) + text.substring(starts[upTo]);
  }
}
