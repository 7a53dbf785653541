package dev.blueprint.tools.blueprint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One parsed YAML or JSON document with the absolute source line of every value, keyed by JSON
 * pointer ({@code ""} for the root, {@code /verification/smoke/command} for a nested field).
 *
 * @param line the absolute line where the document's root value starts
 */
record LocatedDocument(JsonNode root, NavigableMap<String, Integer> lines, int line) {

  /** The line of a pointer, or {@code fallback} when it was not seen. */
  int lineOf(String pointer, int fallback) {
    return lines.getOrDefault(pointer, fallback);
  }

  /**
   * The lines below {@code prefix}, re-keyed relative to it: {@code /tiers/0/tasks/3/name} under
   * prefix {@code /tiers/0/tasks/3} becomes {@code /name}.
   */
  Map<String, Integer> linesUnder(String prefix) {
    if (prefix.isEmpty()) {
      return lines;
    }
    Map<String, Integer> out = new TreeMap<>();
    // '/' + 1 == '0': the sub-map holds exactly the keys that start with prefix + "/".
    for (Map.Entry<String, Integer> e :
        lines.subMap(prefix + "/", true, prefix + "0", false).entrySet()) {
      out.put(LocatedTreeParser.shared(e.getKey().substring(prefix.length())), e.getValue());
    }
    return out;
  }
}
