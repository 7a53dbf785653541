package dev.blueprint.tools.blueprint;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the blocks the markdown reader uses (ATX headings, fenced code blocks, {@code <!-- -->}
 * HTML blocks) straight from the file text, for documents written in the plain subset blueprints
 * use: every block starts at column 0, and the only other lines are blank lines, paragraph text
 * starting with a letter or a common punctuation mark, and single-line block quotes of such text.
 * commonmark-java copies every line into its own objects and was a large part of reading a big
 * blueprint and of the garbage it left.
 *
 * <p>Anything else anywhere in the document (indentation outside fences, lists, setext underlines,
 * thematic breaks, other HTML, tabs, NUL, a fence info string with escapes or entities, ...) makes
 * {@link #scan} return null, and the caller walks the document with commonmark instead. {@code
 * PlainMarkdownScanTest} checks both give the same blueprint on every fixture and on generated
 * documents.
 *
 * <p>The text may be a Latin-1 view of a file's UTF-8 bytes ({@link SourceText}): the scan decides
 * on ASCII chars, which the view has where the decoded text has them, reads a non-ASCII char's
 * class through {@link SourceText#charAt}, and cuts every value with {@link SourceText#slice}.
 * {@code Utf8ViewReadingTest} checks the view reads as the decoded text does.
 */
final class PlainMarkdownScan {
  /** A block found, in document order; {@code line} is the 0-based index of its first line. */
  sealed interface Block {}

  record HeadingBlock(int level, String text, int line) implements Block {}

  /**
   * A fenced block whose content runs from {@code from} to {@code to} (plus a line break when
   * {@code newline}: the text ends without one). The content is cut out only when {@link #literal}
   * is called, by the workers that parse it: holding every block's text as a string until its batch
   * was parsed kept 40 MiB alive across the young collections of a large read.
   */
  record FenceBlock(String info, SourceText source, int from, int to, boolean newline, int line)
      implements Block {
    String literal() {
      String s = source.slice(from, to);
      return newline ? s + "\n" : s;
    }
  }

  record HtmlBlock(String literal, int line) implements Block {}

  private final SourceLines lines;

  /** The text as indexed: decoded, or a Latin-1 view whose values are cut with {@link #source}. */
  private final String text;

  private final SourceText source;
  private final List<Block> blocks = new ArrayList<>();

  /** Lines commonmark sees: a text ending in a line break has no empty line after it. */
  private final int count;

  private PlainMarkdownScan(SourceLines lines) {
    this.lines = lines;
    this.text = lines.text();
    this.source = lines.source();
    this.count = text.endsWith("\n") ? lines.count() - 1 : lines.count();
  }

  /**
   * The blocks of the document from line {@code from} on (earlier lines count as blank), or null
   * when the document is outside the plain subset.
   */
  static List<Block> scan(SourceLines lines, int from) {
    String t = lines.text();
    if (t.indexOf('\t') >= 0 || t.indexOf('\0') >= 0) {
      return null; // tab stops and NUL replacement: commonmark's rules, not ours
    }
    PlainMarkdownScan s = new PlainMarkdownScan(lines);
    return s.run(Math.max(0, from)) ? s.blocks : null;
  }

  /** Scans; false when the document is outside the subset. */
  private boolean run(int from) {
    int i = from;
    while (i < count) {
      int s = lines.start(i);
      int e = lines.end(i);
      if (s == e) {
        i++;
        continue;
      }
      char c = text.charAt(s);
      if (c == '#') {
        if (!heading(i, s, e)) {
          return false;
        }
        i++;
      } else if (c == '`' || c == '~') {
        i = fence(i, s, e, c);
        if (i < 0) {
          return false;
        }
      } else if (c == '<') {
        i = html(i, s, e);
        if (i < 0) {
          return false;
        }
      } else if (c == '>') {
        int r = s + 1;
        if (r < e && text.charAt(r) == ' ') {
          r++;
        }
        if (r < e && !paragraphLine(r, e)) {
          return false;
        }
        i++;
      } else if (c == ' ') {
        if (!blank(s, e)) {
          return false; // indented: code, list continuation, a nested block
        }
        i++;
      } else if (paragraphLine(s, e)) {
        i++;
      } else {
        return false;
      }
    }
    return true;
  }

  private boolean blank(int s, int e) {
    for (int k = s; k < e; k++) {
      if (text.charAt(k) != ' ') {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the text from {@code s} to the line end {@code e} is a paragraph line: a plain first
   * character, or emphasis ({@code **bold**}, {@code _it_}) that is neither a list item ({@code *
   * x}) nor a thematic break ({@code ***}, {@code _ _ _}).
   */
  private boolean paragraphLine(int s, int e) {
    char c = source.charAt(s); // a non-ASCII char's class is the decoded char's
    if (paragraphStart(c)) {
      return true;
    }
    if (c != '*' && c != '_' || c == '*' && (s + 1 == e || text.charAt(s + 1) == ' ')) {
      return false;
    }
    for (int k = s; k < e; k++) {
      if (text.charAt(k) != c && text.charAt(k) != ' ') {
        return true;
      }
    }
    return false;
  }

  /**
   * Letters, digits-free text and punctuation that starts no block: a paragraph line (or a lazy
   * continuation of one), which the reader ignores.
   */
  private static boolean paragraphStart(char c) {
    return c >= 'A' && c <= 'Z'
        || c >= 'a' && c <= 'z'
        || c == '('
        || c == '"'
        || c == '\''
        || c == '!'
        || c == '['
        || c == '/'
        || c == ','
        || c == '.'
        || c == ':'
        || c == ';'
        || c == '?'
        || c == '@'
        || c == '$'
        || c == '%'
        || c == '&'
        || c == '{'
        || c == '}'
        || c == ']'
        || c == ')'
        || c == '^'
        || c == '|'
        || c >= 0x80 && !Character.isWhitespace(c) && !Character.isSpaceChar(c);
  }

  /** An ATX heading at column 0: 1-6 {@code #} then a space or the line end. */
  private boolean heading(int i, int s, int e) {
    int k = s;
    while (k < e && text.charAt(k) == '#') {
      k++;
    }
    int level = k - s;
    if (level > 6 || k < e && text.charAt(k) != ' ') {
      return false; // "#tag", "####### x": paragraphs to commonmark; leave them to it
    }
    blocks.add(new HeadingBlock(level, HeadingText.atx(source.slice(s, e)), i));
    return true;
  }

  /** A fence opened at column 0; returns the line after it, or -1 to give up. */
  private int fence(int i, int s, int e, char c) {
    int k = s;
    while (k < e && text.charAt(k) == c) {
      k++;
    }
    int length = k - s;
    if (length < 3) {
      return -1;
    }
    String info = source.slice(k, e);
    if (c == '`' && info.indexOf('`') >= 0 || info.indexOf('\\') >= 0 || info.indexOf('&') >= 0) {
      return -1; // not a fence, or an info string commonmark would unescape
    }
    int j = i + 1;
    while (j < count && !closes(j, c, length)) {
      j++;
    }
    int contentStart = i + 1 < count ? lines.start(i + 1) : text.length();
    int contentTo = contentStart;
    boolean newline = false;
    if (j > i + 1) {
      int contentEnd = lines.end(j - 1);
      // The block's own line break when the text has one there: one copy of the block, not two.
      boolean own = contentEnd < text.length() && text.charAt(contentEnd) == '\n';
      contentTo = own ? contentEnd + 1 : contentEnd;
      newline = !own;
    }
    blocks.add(new FenceBlock(info.trim(), source, contentStart, contentTo, newline, i));
    return j + 1; // past the closing fence (or past the end: an open fence runs to the end)
  }

  /** Whether line {@code j} closes a fence of {@code length} {@code c}s. */
  private boolean closes(int j, char c, int length) {
    int s = lines.start(j);
    int e = lines.end(j);
    int k = s;
    while (k < e && k - s < 4 && text.charAt(k) == ' ') {
      k++;
    }
    if (k - s > 3) {
      return false;
    }
    int f = k;
    while (k < e && text.charAt(k) == c) {
      k++;
    }
    if (k - f < length) {
      return false;
    }
    while (k < e && text.charAt(k) == ' ') {
      k++;
    }
    return k == e;
  }

  /** An HTML comment block at column 0, up to the line holding {@code -->}; -1 to give up. */
  private int html(int i, int s, int e) {
    if (!text.startsWith("<!--", s)) {
      return -1;
    }
    // "-->" has no line break in it: the line that holds the first one ends the block.
    int close = text.indexOf("-->", s);
    int j = i;
    while (j < count - 1 && (close < 0 || lines.end(j) < close)) {
      j++;
    }
    int last = j;
    blocks.add(new HtmlBlock(source.slice(s, lines.end(last)), i));
    return last + 1;
  }
}
