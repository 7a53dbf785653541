package dev.blueprint.tools.blueprint;

import static dev.blueprint.tools.blueprint.NodeValues.text;
import static dev.blueprint.tools.blueprint.NodeValues.texts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a hand-written dependency graph in the spellings real files use: {@code id: [deps]}, {@code
 * id: {depends_on: [deps]}} and {@code {nodes: [...], edges: [{from, to}]}}. Anything else (text
 * art, a list) is not a graph and gives null.
 */
final class DeclaredGraphMapper {
  private DeclaredGraphMapper() {}

  /** Keys that graphs carry beside their task entries. */
  private static final java.util.Set<String> NOT_TASKS =
      java.util.Set.of(
          "nodes", "parallel_groups", "parallelizable_groups", "critical_path", "groups", "notes");

  /**
   * @param graph the value of the {@code dependency_graph:} or {@code dependencies:} key
   * @param prefix the pointer of that value in {@code doc}
   */
  static DeclaredGraph map(JsonNode graph, LocatedDocument doc, String prefix) {
    if (graph == null || !graph.isObject() || graph.isEmpty()) {
      return null;
    }
    int line = doc.lineOf(prefix, doc.line());
    Map<String, List<String>> edges = new LinkedHashMap<>();
    Map<String, Integer> lines = new LinkedHashMap<>();
    JsonNode edgeList = graph.get("edges");
    if (edgeList != null && edgeList.isArray()) {
      for (String n : texts(graph.get("nodes"), false)) {
        edges.computeIfAbsent(n, k -> new ArrayList<>());
        lines.putIfAbsent(n, line);
      }
      for (int i = 0; i < edgeList.size(); i++) {
        JsonNode e = edgeList.get(i);
        String from = text(e, "from");
        String to = text(e, "to");
        if (from == null || to == null) {
          continue;
        }
        // An edge from A to B means B waits for A.
        edges.computeIfAbsent(to, k -> new ArrayList<>()).add(from);
        lines.put(to, doc.lineOf(prefix + "/edges/" + i, line));
        edges.computeIfAbsent(from, k -> new ArrayList<>());
        lines.putIfAbsent(from, line);
      }
      return new DeclaredGraph(edges, lines, line);
    }
    var it = graph.fields();
    while (it.hasNext()) {
      var e = it.next();
      if (NOT_TASKS.contains(e.getKey())) {
        continue;
      }
      JsonNode v = e.getValue();
      JsonNode deps;
      if (v.isObject()) {
        deps = v.has("depends_on") ? v.get("depends_on") : v.get("dependencies");
        if (deps == null) {
          continue;
        }
      } else {
        deps = v;
      }
      if (deps.isObject()) {
        continue;
      }
      edges.put(e.getKey(), texts(deps, true));
      lines.put(e.getKey(), doc.lineOf(prefix + "/" + LocatedTreeParser.escape(e.getKey()), line));
    }
    return edges.isEmpty() ? null : new DeclaredGraph(edges, lines, line);
  }
}
