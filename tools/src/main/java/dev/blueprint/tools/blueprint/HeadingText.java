package dev.blueprint.tools.blueprint;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.Heading;
import org.commonmark.node.SourceSpan;

/**
 * A heading's text, read from its source lines (inline parsing is off): ATX headings without their
 * {@code #} marks, setext headings joined from the lines above the underline.
 */
final class HeadingText {
  private static final Pattern ATX = Pattern.compile("^\\s{0,3}#{1,6}(?:\\s+|$)");

  private HeadingText() {}

  static String of(Heading h, SourceLines lines) {
    List<SourceSpan> spans = h.getSourceSpans();
    if (spans.isEmpty()) {
      return "";
    }
    int first = spans.get(0).getLineIndex();
    int last = spans.get(spans.size() - 1).getLineIndex();
    String line = lines.line(first);
    String atx = atx(line);
    if (atx != null) {
      return atx;
    }
    // Setext: the text lines above the underline.
    StringBuilder sb = new StringBuilder();
    for (int i = first; i < last && i < lines.count(); i++) {
      sb.append(sb.length() == 0 ? "" : " ").append(lines.line(i).trim());
    }
    return sb.toString();
  }

  /** The text of an ATX heading line, or null when the line is not one. */
  static String atx(String line) {
    Matcher atx = ATX.matcher(line);
    return atx.find() ? withoutClosingHashes(line.substring(atx.end()).strip()) : null;
  }

  /** {@code Title ##} gives {@code Title}; done by hand, a regex here is quadratic on spaces. */
  private static String withoutClosingHashes(String text) {
    int end = text.length();
    while (end > 0 && text.charAt(end - 1) == '#') {
      end--;
    }
    if (end == text.length() || end > 0 && !Character.isWhitespace(text.charAt(end - 1))) {
      return text;
    }
    return text.substring(0, end).strip();
  }
}
