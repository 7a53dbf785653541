package dev.blueprint.tools.blueprint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The text of one YAML block as {@link BlockYamlParser} reads it: lines (their start and end
 * offsets), a cursor line ({@code at}), and the scanning of keys and scalars (plain, quoted, block
 * scalars) of the subset the fast path accepts. What the parser builds from them (mappings,
 * sequences, the pointer-to-line map) is {@link BlockYamlParser}'s. Anything outside the subset
 * throws {@link #GIVE_UP}.
 */
abstract class BlockYamlText {
  /** Thrown to give up; preallocated and without a stack trace, so giving up is cheap. */
  static final class GiveUp extends RuntimeException {
    GiveUp() {
      super(null, null, false, false);
    }
  }

  static final GiveUp GIVE_UP = new GiveUp();

  static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  final String text;
  final int[] starts;
  final int[] ends;
  final int count;

  /** The line being read. */
  int at;

  BlockYamlText(String text, int[] starts, int[] ends, int count) {
    this.text = text;
    this.starts = starts;
    this.ends = ends;
    this.count = count;
  }

  boolean marker(int s, int len, char c) {
    return len >= 3
        && text.charAt(s) == c
        && text.charAt(s + 1) == c
        && text.charAt(s + 2) == c
        && (len == 3 || text.charAt(s + 3) == ' ');
  }

  /** The first line at or after {@code from} that is neither blank nor only a comment. */
  int nextContent(int from) {
    for (int i = from; i < count; i++) {
      int c = firstNonSpace(i);
      if (c < ends[i] && text.charAt(c) != '#') {
        return i;
      }
    }
    return count;
  }

  int firstNonSpace(int line) {
    int c = starts[line];
    int e = ends[line];
    while (c < e && text.charAt(c) == ' ') {
      c++;
    }
    return c;
  }

  int indent(int line) {
    return firstNonSpace(line) - starts[line];
  }

  boolean isDash(int c, int end) {
    return c < end && text.charAt(c) == '-' && (c + 1 == end || text.charAt(c + 1) == ' ');
  }

  /**
   * Where the {@code :} ending a plain key that starts at {@code s} is, or -1: keys are names
   * ({@code [A-Za-z_][A-Za-z0-9_.-]*}) followed by a colon and a space or the line end.
   */
  int keyEnd(int s, int end) {
    if (s >= end || !keyStart(text.charAt(s))) {
      return -1;
    }
    int i = s + 1;
    while (i < end && keyPart(text.charAt(i))) {
      i++;
    }
    if (i - s > 200 || i >= end || text.charAt(i) != ':') {
      return -1;
    }
    return i + 1 == end || text.charAt(i + 1) == ' ' ? i : -1;
  }

  static boolean keyStart(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
  }

  static boolean keyPart(char c) {
    return keyStart(c) || c >= '0' && c <= '9' || c == '-' || c == '.';
  }

  static boolean isIndicator(char c, char next) {
    switch (c) {
      case '-':
        return next == ' ';
      case '?':
      case ':':
      case ',':
      case '[':
      case ']':
      case '{':
      case '}':
      case '#':
      case '&':
      case '*':
      case '!':
      case '|':
      case '>':
      case '\'':
      case '"':
      case '%':
      case '@':
      case '`':
        return true;
      default:
        return false;
    }
  }

  int skipSpaces(int c, int end) {
    while (c < end && text.charAt(c) == ' ') {
      c++;
    }
    return c;
  }

  /** Only spaces, then optionally a comment, from {@code c}; a comment needs a space before it. */
  boolean onlyComment(int c, int end) {
    int s = skipSpaces(c, end);
    return s == end || s > c && text.charAt(s) == '#';
  }

  /** A one-line quoted scalar without escapes ({@code ''} in single quotes is one quote). */
  String quoted(int open, int end, char quote) {
    StringBuilder sb = null;
    int i = open + 1;
    int from = i;
    while (true) {
      if (i >= end) {
        throw GIVE_UP; // runs onto the next line
      }
      char c = text.charAt(i);
      if (c == '\\' && quote == '"') {
        throw GIVE_UP;
      }
      if (c == quote) {
        if (quote == '\'' && i + 1 < end && text.charAt(i + 1) == '\'') {
          if (sb == null) {
            sb = new StringBuilder();
          }
          sb.append(text, from, i + 1);
          i += 2;
          from = i;
          continue;
        }
        break;
      }
      i++;
    }
    if (!onlyComment(i + 1, end)) {
      throw GIVE_UP; // a quoted key, or text after the closing quote
    }
    if (sb == null) {
      return text.substring(from, i);
    }
    return sb.append(text, from, i).toString();
  }

  /** A plain scalar in block context: up to a comment, without trailing spaces. */
  String blockPlain(int c, int end) {
    return text.substring(c, blockPlainEnd(c, end));
  }

  /** Where the plain scalar starting at {@code c} ends (see {@link #blockPlain}). */
  int blockPlainEnd(int c, int end) {
    int stop = end;
    for (int i = c; i < end; i++) {
      char ch = text.charAt(i);
      if (ch == '#' && text.charAt(i - 1) == ' ') {
        stop = i;
        break;
      }
      if (ch == ':' && (i + 1 == end || !safeAfterColon(text.charAt(i + 1)))) {
        throw GIVE_UP; // "a: b: c" or a trailing colon
      }
    }
    while (stop > c && text.charAt(stop - 1) == ' ') {
      stop--;
    }
    return stop;
  }

  static boolean safeAfterColon(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '/';
  }

  static boolean flowSafe(char c) {
    return c >= 'a' && c <= 'z'
        || c >= 'A' && c <= 'Z'
        || c >= '0' && c <= '9'
        || c == '_'
        || c == '.'
        || c == '-'
        || c == '/';
  }

  /**
   * A {@code |} or {@code >} block scalar whose header is at {@code c} on line {@code line}; the
   * content must be more indented than the collection at column {@code parent}.
   */
  JsonNode blockScalar(int c, int end, int parent, int line) {
    boolean literal = text.charAt(c) == '|';
    int i = c + 1;
    boolean strip = false;
    if (i < end && text.charAt(i) == '-') {
      strip = true;
      i++;
    } else if (i < end && (text.charAt(i) == '+' || Character.isDigit(text.charAt(i)))) {
      throw GIVE_UP;
    }
    if (i < end && text.charAt(i) != ' ' || !onlyComment(i, end)) {
      throw GIVE_UP;
    }
    int first = line + 1;
    if (first >= count || ends[first] == starts[first]) {
      throw GIVE_UP; // empty, or leading blank lines
    }
    int ind = indent(first);
    if (ind <= parent || ind == ends[first] - starts[first]) {
      throw GIVE_UP;
    }
    StringBuilder sb = new StringBuilder();
    int last = first;
    int pendingBlank = 0;
    int l = first;
    for (; l < count; l++) {
      int s = starts[l];
      int e = ends[l];
      if (s == e) {
        pendingBlank++;
        continue;
      }
      int li = indent(l);
      if (li < ind) {
        if (li == e - s) {
          throw GIVE_UP; // a line of spaces only
        }
        break;
      }
      if (li == e - s) {
        throw GIVE_UP;
      }
      if (l > first) {
        if (!literal && (pendingBlank > 0 || li > ind)) {
          throw GIVE_UP; // folding rules for blank and more-indented lines: leave to Jackson
        }
        sb.append(literal ? '\n' : ' ');
        for (int k = 0; k < pendingBlank; k++) {
          sb.append('\n');
        }
      } else if (!literal && li > ind) {
        throw GIVE_UP;
      }
      pendingBlank = 0;
      sb.append(text, s + ind, e);
      last = l;
    }
    if (l >= count && pendingBlank == 0 && ends[last] == text.length()) {
      throw GIVE_UP; // the last line has no line break, so clipping keeps none
    }
    if (!strip) {
      sb.append('\n');
    }
    at = last + 1;
    return NODES.textNode(sb.toString());
  }
}
