package dev.blueprint.tools.blueprint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One parsed YAML or JSON document with the absolute source line of every value, keyed by JSON
 * pointer ({@code ""} for the root, {@code /verification/smoke/command} for a nested field).
 *
 * <p>The lines are kept in whatever map the parser built: the fast YAML path builds the compact
 * {@link FieldLines} a task keeps, so a task block (whose root is the task) hands its lines over
 * without a copy. The sorted view that {@link #linesUnder} needs for nested tasks is made on first
 * use.
 */
final class LocatedDocument {
  private final JsonNode root;
  private final Map<String, Integer> table;
  private final int line;
  private NavigableMap<String, Integer> sorted;

  /**
   * @param line the absolute line where the document's root value starts
   */
  LocatedDocument(JsonNode root, Map<String, Integer> lines, int line) {
    this.root = root;
    this.table = lines;
    this.line = line;
    this.sorted = lines instanceof NavigableMap<String, Integer> n ? n : null;
  }

  JsonNode root() {
    return root;
  }

  int line() {
    return line;
  }

  /** Every pointer's line, in pointer order. */
  NavigableMap<String, Integer> lines() {
    if (sorted == null) {
      sorted = new TreeMap<>(table);
    }
    return sorted;
  }

  /** The line of a pointer, or {@code fallback} when it was not seen. */
  int lineOf(String pointer, int fallback) {
    return table.getOrDefault(pointer, fallback);
  }

  /**
   * The lines below {@code prefix}, re-keyed relative to it: {@code /tiers/0/tasks/3/name} under
   * prefix {@code /tiers/0/tasks/3} becomes {@code /name}.
   */
  Map<String, Integer> linesUnder(String prefix) {
    if (prefix.isEmpty()) {
      return table;
    }
    Map<String, Integer> out = new TreeMap<>();
    // '/' + 1 == '0': the sub-map holds exactly the keys that start with prefix + "/".
    for (Map.Entry<String, Integer> e :
        lines().subMap(prefix + "/", true, prefix + "0", false).entrySet()) {
      out.put(LocatedTreeParser.shared(e.getKey().substring(prefix.length())), e.getValue());
    }
    return out;
  }
}
