package dev.blueprint.tools.blueprint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A fast path for the plain block-YAML that task blocks are written in: block mappings and
 * sequences, one-line plain, single- and double-quoted scalars, one-line flow sequences of plain
 * scalars, {@code |} and simple {@code >} block scalars, and comments. It builds the same tree and
 * the same pointer-to-line map as the Jackson path in {@link LocatedTreeParser}, an order of
 * magnitude faster (one parser per task block was a third of the time of reading a large
 * blueprint).
 *
 * <p>It gives up ({@link #parse} returns null) on anything it does not fully understand: anchors,
 * aliases, tags, directives, several documents, tabs, escapes, multi-line plain or quoted scalars,
 * flow mappings, odd indentation, duplicate keys, and every input that is not valid YAML. The
 * caller then parses the text with Jackson, so diagnostics for broken YAML come from one place.
 * {@code BlockYamlParserTest} checks both paths give identical results on fixtures and generated
 * documents.
 */
final class BlockYamlParser extends BlockYamlText {
  /** Deeper nesting goes to Jackson, which enforces its own limit. */
  private static final int MAX_DEPTH = 64;

  private final int firstLine;
  private final FieldLines.Builder lines = new FieldLines.Builder();

  private BlockYamlParser(String text, int firstLine, int[] starts, int[] ends, int count) {
    super(text, starts, ends, count);
    this.firstLine = firstLine;
  }

  /**
   * The one document in {@code text} with the lines of its values, or null when the text is outside
   * the subset this parser handles (the caller then uses Jackson).
   */
  static List<LocatedDocument> parse(String text, int firstLine) {
    int n = text.length();
    if (n == 0) {
      return null;
    }
    // One pass: refuse characters outside the subset and note where lines start and end.
    int[] starts = new int[Math.max(8, n / 24)];
    int[] ends = new int[starts.length];
    int lineCount = 1;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c <= 0x7E) {
        continue;
      }
      if (c == '\n') {
        if (lineCount == starts.length) {
          starts = java.util.Arrays.copyOf(starts, lineCount * 2);
          ends = java.util.Arrays.copyOf(ends, lineCount * 2);
        }
        ends[lineCount - 1] = i;
        starts[lineCount++] = i + 1;
      } else if (c < 0xA0
          || c >= 0xD800 && c <= 0xF8FF
          || c >= 0xFFF0
          || c == '\u2028'
          || c == '\u2029'
          || c == '\uFEFF') {
        return null; // tabs, CR, controls, NEL, surrogates, private use, BOM, line separators
      }
    }
    ends[lineCount - 1] = n;
    BlockYamlParser p = new BlockYamlParser(text, firstLine, starts, ends, lineCount);
    try {
      return List.of(p.document());
    } catch (BlockYamlText.GiveUp | NumberFormatException e) {
      return null;
    }
  }

  private LocatedDocument document() {
    for (int i = 0; i < count; i++) {
      int s = starts[i];
      int len = ends[i] - s;
      if (len > 0 && (text.charAt(s) == '%' || marker(s, len, '-') || marker(s, len, '.'))) {
        throw GIVE_UP; // directives and document markers: several documents, leave to Jackson
      }
    }
    int first = nextContent(0);
    if (first >= count) {
      throw GIVE_UP;
    }
    at = first;
    int rootLine = abs(first);
    lines.put("", rootLine);
    JsonNode root = block(indent(first), "", 0);
    if (nextContent(at) < count) {
      throw GIVE_UP;
    }
    return new LocatedDocument(root, lines.build(), rootLine);
  }

  private int abs(int line) {
    return firstLine + line;
  }

  /** A block collection whose first line is {@code at}, at column {@code indent}. */
  private JsonNode block(int indent, String pointer, int depth) {
    if (depth > MAX_DEPTH) {
      throw GIVE_UP;
    }
    int c = starts[at] + indent;
    if (isDash(c, ends[at])) {
      return sequence(indent, pointer, depth, false);
    }
    return mapping(indent, c, pointer, depth);
  }

  /**
   * A block mapping at column {@code indent}; its first key starts at offset {@code firstKey} on
   * line {@code at} (after a {@code - } for a mapping inside a sequence entry).
   */
  private ObjectNode mapping(int indent, int firstKey, String pointer, int depth) {
    CompactFields fields = new CompactFields(4);
    ObjectNode o = CompactFields.objectNode(NODES, fields);
    int keyAt = firstKey;
    while (true) {
      int line = at;
      int end = ends[line];
      int colon = keyEnd(keyAt, end);
      if (colon < 0) {
        throw GIVE_UP;
      }
      String key = SharedNames.key(text, keyAt, colon);
      String field = SharedNames.field(pointer, key);
      lines.put(field, abs(line));
      if (o.replace(key, value(colon + 1, end, indent, field, depth, true)) != null) {
        throw GIVE_UP; // a duplicate key (found by the insert itself, not a lookup before it)
      }
      int next = nextContent(at);
      if (next >= count || indent(next) < indent) {
        at = next;
        fields.seal();
        return o;
      }
      if (indent(next) > indent) {
        throw GIVE_UP; // a continuation line or bad indentation: Jackson decides
      }
      at = next;
      keyAt = starts[next] + indent;
      if (isDash(keyAt, ends[next])) {
        throw GIVE_UP;
      }
    }
  }

  /** A block sequence whose dashes sit at column {@code indent}, starting on line {@code at}. */
  private ArrayNode sequence(int indent, String pointer, int depth, boolean indentless) {
    List<JsonNode> a = new ArrayList<>(4);
    while (true) {
      int line = at;
      int end = ends[line];
      String element = SharedNames.element(pointer, a.size());
      int c = starts[line] + indent + 1;
      while (c < end && text.charAt(c) == ' ') {
        c++;
      }
      if (c < end && text.charAt(c) != '#' && keyEnd(c, end) > 0) {
        lines.put(element, abs(line));
        a.add(mapping(c - starts[line], c, element, depth + 1));
      } else {
        if (isDash(c, end)) {
          throw GIVE_UP; // "- - a"
        }
        a.add(elementValue(c, end, indent, element, depth));
      }
      int next = nextContent(at);
      if (next >= count) {
        at = next;
        return array(a);
      }
      int ind = indent(next);
      if (ind < indent) {
        at = next;
        return array(a);
      }
      if (ind > indent) {
        throw GIVE_UP;
      }
      if (!isDash(starts[next] + indent, ends[next])) {
        if (indentless) {
          at = next;
          return array(a);
        }
        throw GIVE_UP;
      }
      at = next;
    }
  }

  /** A sequence element's value: records its line, which is where the value itself starts. */
  private JsonNode elementValue(int c, int end, int indent, String element, int depth) {
    int line = at;
    if (c >= end || text.charAt(c) == '#') {
      int next = nextContent(line + 1);
      if (next < count && indent(next) > indent) {
        lines.put(element, abs(next));
        at = next;
        return block(indent(next), element, depth + 1);
      }
      throw GIVE_UP; // an empty entry: Jackson reads it as "" or null depending on context
    }
    lines.put(element, abs(line));
    return value(c, end, indent, element, depth, false);
  }

  /**
   * The value after a key's colon or a dash, from offset {@code from} on line {@code at}; leaves
   * {@code at} on the value's last line (or the next line to look at for a nested block).
   *
   * @param indent the column of the collection the value belongs to
   */
  private JsonNode value(int from, int end, int indent, String pointer, int depth, boolean inMap) {
    int line = at;
    int c = from;
    while (c < end && text.charAt(c) == ' ') {
      c++;
    }
    if (c < end && c == from && inMap) {
      throw GIVE_UP; // "key:value" is not a key; the key scan forbids it, this is a safeguard
    }
    if (c >= end || text.charAt(c) == '#') {
      int next = nextContent(line + 1);
      if (next < count) {
        int ind = indent(next);
        if (ind > indent) {
          at = next;
          return block(ind, pointer, depth + 1);
        }
        if (ind == indent && inMap && isDash(starts[next] + ind, ends[next])) {
          at = next;
          return sequence(ind, pointer, depth + 1, true);
        }
      }
      throw GIVE_UP; // an empty value: Jackson reads it as "" or null depending on context
    }
    at = line + 1;
    char ch = text.charAt(c);
    switch (ch) {
      case '"', '\'':
        return quotedNode(c, end, ch);
      case '[':
        return flowSequence(c, end, pointer);
      case '{':
        int close = skipSpaces(c + 1, end);
        if (close < end && text.charAt(close) == '}' && onlyComment(close + 1, end)) {
          return CompactFields.objectNode(NODES);
        }
        throw GIVE_UP;
      case '|':
      case '>':
        return blockScalar(c, end, indent, line);
      default:
        if (isIndicator(ch, c + 1 < end ? text.charAt(c + 1) : ' ')) {
          throw GIVE_UP;
        }
        return plain(c, blockPlainEnd(c, end));
    }
  }

  /** {@code [a, b]} on one line, of plain scalars only. */
  private ArrayNode flowSequence(int open, int end, String pointer) {
    int close = -1;
    for (int i = open + 1; i < end; i++) {
      char ch = text.charAt(i);
      if (ch == ']') {
        close = i;
        break;
      }
      if (!(ch == ',' || ch == ' ' || flowSafe(ch))) {
        throw GIVE_UP; // quotes, nested collections, '?', ':', '#' and the like in flow context
      }
    }
    if (close < 0 || !onlyComment(close + 1, end)) {
      throw GIVE_UP;
    }
    int lineNumber = abs(at - 1);
    if (skipSpaces(open + 1, close) == close) {
      return NODES.arrayNode();
    }
    int commas = 0;
    for (int i = open + 1; i < close; i++) {
      commas += text.charAt(i) == ',' ? 1 : 0;
    }
    List<JsonNode> a = new ArrayList<>(commas + 1);
    int s = open + 1;
    while (s <= close) {
      int comma = s;
      while (comma < close && text.charAt(comma) != ',') {
        comma++;
      }
      int b = skipSpaces(s, comma);
      int e = comma;
      while (e > b && text.charAt(e - 1) == ' ') {
        e--;
      }
      if (b == e || isIndicator(text.charAt(b), b + 1 < e ? text.charAt(b + 1) : ' ')) {
        throw GIVE_UP; // an empty entry (trailing comma) or an indicator
      }
      lines.put(SharedNames.element(pointer, a.size()), lineNumber);
      a.add(plain(b, e));
      s = comma + 1;
    }
    return array(a);
  }

  /**
   * An array node over exactly its elements: Jackson's own starts a list of ten on the first add,
   * and the 200k short lists of a 100k-task blueprint (dependencies, criteria) are kept.
   */
  private static ArrayNode array(List<JsonNode> elements) {
    if (elements instanceof ArrayList<JsonNode> list) {
      list.trimToSize();
    }
    return new ArrayNode(NODES, elements);
  }

  /** A plain scalar as Jackson reads it, or give up when only Jackson can tell. */
  private JsonNode plain(int from, int to) {
    JsonNode node = YamlScalars.plain(text, from, to);
    if (node == null) {
      throw GIVE_UP;
    }
    return node;
  }

  /**
   * A one-line quoted scalar's node. The usual case (no escape, no doubled quote) is shared from
   * its characters in place, without cutting the value out first; anything else goes through {@link
   * #quoted}, which also decides when to give up.
   */
  private JsonNode quotedNode(int open, int end, char quote) {
    int i = open + 1;
    while (i < end && text.charAt(i) != quote && text.charAt(i) != '\\') {
      i++;
    }
    if (i < end
        && text.charAt(i) == quote
        && !(quote == '\'' && i + 1 < end && text.charAt(i + 1) == '\'')
        && onlyComment(i + 1, end)) {
      return YamlScalars.text(text, open + 1, i);
    }
    return YamlScalars.text(quoted(open, end, quote));
  }
}
