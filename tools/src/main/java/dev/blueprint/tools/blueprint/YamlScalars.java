package dev.blueprint.tools.blueprint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Plain YAML scalars for {@link BlockYamlParser}: typed the way Jackson's YAML parser types them
 * (through the same SnakeYAML resolver) and the way {@link LocatedTreeParser} turns its tokens into
 * nodes.
 */
final class YamlScalars {
  /** The resolver Jackson's YAML parser uses, shared: it is read-only once built. */
  private static final Resolver RESOLVER = new Resolver();

  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private YamlScalars() {}

  /**
   * Short values repeat across tasks ({@code not_started}, {@code file}, a shared interface text):
   * one immutable node each, from a small direct-mapped table of recent values, instead of a node
   * and a string per task. A slot is overwritten by the next value that hashes to it, so the table
   * never grows and needs no lock; nodes are immutable (final fields), so a racing reader sees
   * either a whole node or another one, and only the sharing, never the tree, depends on it.
   */
  private static final TextNode[] RECENT = new TextNode[1 << 12];

  /**
   * The full hash of each slot's value, beside the slot: most values of a large blueprint are
   * unique to their task ({@code out/T123.json}), and comparing two ints first spares reading the
   * slot's node, string and bytes (three cache misses) only to find a different value there.
   * Written without a lock like the slots, so a hash may belong to another node than its slot's: a
   * match is always confirmed against the node's text.
   */
  private static final int[] RECENT_HASHES = new int[RECENT.length];

  static TextNode text(String value) {
    if (value.length() > 48) {
      return NODES.textNode(value);
    }
    int h = value.hashCode();
    int slot = h & (RECENT.length - 1);
    TextNode known = RECENT[slot];
    if (known != null && known.textValue().equals(value)) {
      return known;
    }
    TextNode node = NODES.textNode(value);
    RECENT[slot] = node;
    RECENT_HASHES[slot] = h;
    return node;
  }

  /**
   * {@link #plain(String)} of {@code text[from, to)} (not empty). A short value no resolver can
   * match is looked up in {@link #RECENT} by its characters in place, so a value seen before (most
   * of them: statuses, kinds, shared texts) costs no substring; the hash is {@link
   * String#hashCode()}'s, so both entry points share the table.
   */
  static JsonNode plain(String text, int from, int to) {
    int n = to - from;
    if (n == 0 || n > 48 || resolverMayMatch(text, from, to)) {
      return plain(text.substring(from, to));
    }
    return sharedText(text, from, to);
  }

  /** {@link #text(String)} of {@code text[from, to)}, looked up without cutting it out. */
  static TextNode text(String text, int from, int to) {
    return to - from > 48 ? NODES.textNode(text.substring(from, to)) : sharedText(text, from, to);
  }

  private static TextNode sharedText(String text, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + text.charAt(i);
    }
    int slot = h & (RECENT.length - 1);
    int n = to - from;
    if (RECENT_HASHES[slot] == h) {
      TextNode known = RECENT[slot];
      if (known != null) {
        String k = known.textValue();
        if (k.length() == n && text.regionMatches(from, k, 0, n)) {
          return known;
        }
      }
    }
    TextNode node = NODES.textNode(text.substring(from, to));
    RECENT[slot] = node;
    RECENT_HASHES[slot] = h;
    return node;
  }

  /** {@link #resolverMayMatch(String)} of {@code text[from, to)}, without cutting it out. */
  private static boolean resolverMayMatch(String text, int from, int to) {
    switch (text.charAt(from)) {
      case 'y', 'Y', 'n', 'N', 't', 'T', 'f', 'F', 'o', 'O':
        return to - from <= 5 && WORDS.contains(text.substring(from, to));
      case '~', '-', '+', '.', '<', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
        return true;
      default:
        return false;
    }
  }

  /**
   * Resolves a plain scalar the way Jackson's YAML parser and the tree builder do, or returns null
   * when the value is one whose reading only Jackson should decide.
   */
  static JsonNode plain(String value) {
    if (!resolverMayMatch(value)) {
      return text(value);
    }
    Tag tag = RESOLVER.resolve(NodeId.scalar, value, true);
    if (Tag.STR.equals(tag)) {
      return text(value);
    }
    if (Tag.NULL.equals(tag)) {
      return NODES.nullNode();
    }
    if (Tag.BOOL.equals(tag)) {
      switch (value) {
        case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON":
          return NODES.booleanNode(true);
        case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF":
          return NODES.booleanNode(false);
        default:
          return null;
      }
    }
    if (Tag.INT.equals(tag)) {
      if (!simpleInt(value)) {
        return null;
      }
      return NODES.numberNode(Integer.parseInt(value));
    }
    if (Tag.FLOAT.equals(tag)) {
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == 'e' || c == 'E' || c == '+')) {
          return null; // underscores, .inf, .nan, sexagesimal
        }
      }
      return NODES.numberNode(new BigDecimal(value));
    }
    return null; // timestamps, merge keys and the rest: rare, Jackson decides
  }

  /**
   * False when no implicit resolver can match, so the value is a string without running the
   * resolver's regular expressions (most of the fast path's allocation). SnakeYAML picks resolvers
   * by first character: booleans {@code yYnNtTfFoO} and nulls {@code ~nN}, numbers and timestamps
   * {@code -+.0-9}, merge {@code <}. A value starting with a letter can only be one of the
   * resolvers' words ({@link #WORDS}); ids such as {@code T12} used to go through the regular
   * expressions, a matcher each.
   */
  static boolean resolverMayMatch(String v) {
    char c = v.charAt(0);
    switch (c) {
      case 'y', 'Y', 'n', 'N', 't', 'T', 'f', 'F', 'o', 'O':
        return v.length() <= 5 && WORDS.contains(v);
      case '~', '-', '+', '.', '<', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
        return true;
      default:
        return false;
    }
  }

  /** Every word SnakeYAML's boolean and null resolvers match (their patterns, spelled out). */
  private static final java.util.Set<String> WORDS =
      java.util.Set.of(
          "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
          "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL");

  /** {@code 0} or up to nine digits without a leading zero, optionally negative. */
  private static boolean simpleInt(String v) {
    int i = v.startsWith("-") ? 1 : 0;
    int digits = v.length() - i;
    if (digits < 1 || digits > 9 || v.charAt(i) == '0' && (digits > 1 || i == 1)) {
      return false;
    }
    for (; i < v.length(); i++) {
      if (v.charAt(i) < '0' || v.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
