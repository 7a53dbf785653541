package dev.blueprint.tools.blueprint;

import java.util.Arrays;

/**
 * A text with {@code \n} line ends and the offset where each line starts, computed once. Lines are
 * cut out on demand: keeping every line of a 40 MiB blueprint as its own string cost more memory
 * than the tasks read from it.
 */
final class SourceLines {
  private final String text;
  private final int[] starts;
  private final int count;

  /** {@code text} with {@code \r\n} and lone {@code \r} line ends turned into {@code \n}. */
  SourceLines(String text) {
    this.text = text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
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

  /** Line {@code i} (0-based) without its line end. */
  String line(int i) {
    int end = i + 1 < count ? starts[i + 1] - 1 : text.length();
    return text.substring(starts[i], end);
  }

  /** The text, with {@code \n} line ends. */
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
