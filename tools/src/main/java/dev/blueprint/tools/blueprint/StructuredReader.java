package dev.blueprint.tools.blueprint;

import static dev.blueprint.tools.blueprint.NodeValues.integer;
import static dev.blueprint.tools.blueprint.NodeValues.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the pure YAML and JSON forms: top-level {@code metadata}, {@code execution}, {@code tiers:
 * [{name, tasks: [...]}]} (or a flat {@code tasks} list), {@code dependency_graph} and free extras.
 * A YAML stream may open with a document of metadata keys only ({@code _blueprint_version}, ...).
 */
final class StructuredReader {
  private static final Pattern DIGITS = Pattern.compile("(\\d+)");

  private StructuredReader() {}

  /** Whether a parsed document looks like a blueprint model (rather than stray YAML). */
  static boolean isModel(List<LocatedDocument> docs) {
    for (LocatedDocument d : docs) {
      JsonNode r = d.root();
      if (r != null
          && r.isObject()
          && (r.has("tiers") || r.has("tasks") || r.has("execution") || r.has("metadata"))) {
        return true;
      }
      if (isTaskList(r)) {
        return true;
      }
    }
    return false;
  }

  /** A top level that is a bare list holding task mappings ({@code [{task_id: ...}, ...]}). */
  private static boolean isTaskList(JsonNode r) {
    if (r == null || !r.isArray()) {
      return false;
    }
    for (JsonNode e : r) {
      if (e.isObject() && e.has("task_id")) {
        return true;
      }
    }
    return false;
  }

  static Blueprint read(List<LocatedDocument> docs, BlueprintParts parts) {
    LocatedDocument main = null;
    for (LocatedDocument d : docs) {
      if (d.root() != null
          && d.root().isObject()
          && (d.root().has("tiers") || d.root().has("tasks"))) {
        main = d;
        break;
      }
    }
    for (LocatedDocument d : docs) {
      if (d == main || d.root() == null || !d.root().isObject()) {
        continue;
      }
      if (main == null && isModel(List.of(d))) {
        main = d;
        continue;
      }
      // A document of underscore keys is the metadata document; anything else is kept as extras.
      d.root()
          .fields()
          .forEachRemaining(
              e -> {
                if (e.getKey().startsWith("_")) {
                  parts.metadata(
                      e.getKey(),
                      orEmpty(NodeValues.anyText(e.getValue())),
                      d.lineOf("/" + LocatedTreeParser.escape(e.getKey()), d.line()));
                } else {
                  parts.extra(e.getKey(), e.getValue());
                }
              });
    }
    if (main != null) {
      readMain(main, parts);
    } else {
      bareTaskList(docs, parts);
    }
    return parts.build();
  }

  /**
   * BSF's structured forms put tasks under {@code tiers[].tasks[]} or {@code tasks}, beside
   * metadata and execution. A file that is only a list of tasks is plausibly meant: its tasks are
   * read, and a warning says where BSF wants them.
   */
  private static void bareTaskList(List<LocatedDocument> docs, BlueprintParts parts) {
    for (LocatedDocument d : docs) {
      if (isTaskList(d.root())) {
        parts.diagnostics.add(
            Diagnostic.warning(
                "W_BARE_TASK_LIST",
                "the top level is a bare list of tasks; BSF puts them in a tasks: list or under"
                    + " tiers[].tasks[], beside metadata and execution",
                null,
                d.line()));
        tasks(d.root(), d, "", null, parts);
        return;
      }
    }
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static void readMain(LocatedDocument doc, BlueprintParts parts) {
    ObjectNode root = (ObjectNode) doc.root();
    var it = root.fields();
    while (it.hasNext()) {
      var e = it.next();
      String key = e.getKey();
      JsonNode v = e.getValue();
      String pointer = "/" + LocatedTreeParser.escape(key);
      int line = doc.lineOf(pointer, doc.line());
      if (key.startsWith("_")) {
        parts.metadata(key, orEmpty(NodeValues.anyText(v)), line);
      } else if (key.equals("execution") && v.isObject()) {
        parts.execution = ExecutionMapper.map((ObjectNode) v, doc.linesUnder(pointer), line);
      } else if (key.equals("tiers") && v.isArray()) {
        tiers(v, doc, parts);
      } else if (key.equals("tasks") && v.isArray()) {
        tasks(v, doc, pointer, null, parts);
      } else if (key.equals("dependency_graph")) {
        parts.graph = DeclaredGraphMapper.map(v, doc, pointer);
        parts.extra(key, v);
      } else {
        if (key.equals("metadata")) {
          parts.metadataFrom(v, doc, pointer);
        }
        parts.extra(key, v);
      }
    }
    JsonNode md = root.get("metadata");
    String title = md == null ? null : text(md, "title");
    if (title == null && md != null) {
      title = text(md, "blueprint_id");
    }
    if (title == null) {
      title = text(root, "title");
    }
    parts.title = title;
  }

  private static void tiers(JsonNode list, LocatedDocument doc, BlueprintParts parts) {
    for (int i = 0; i < list.size(); i++) {
      JsonNode t = list.get(i);
      String pointer = "/tiers/" + i;
      if (!t.isObject()) {
        continue;
      }
      Integer number = integer(t.get("tier_number"));
      if (number == null) {
        String id = text(t, "tier_id");
        Matcher m = DIGITS.matcher(id == null ? "" : id);
        number = m.find() && m.group(1).length() < 9 ? Integer.parseInt(m.group(1)) : null;
      }
      String name = text(t, "name");
      Tier tier =
          new Tier(
              name == null ? text(t, "tier_id") : name, number, doc.lineOf(pointer, doc.line()));
      parts.tier(tier);
      JsonNode tasks = t.get("tasks");
      if (tasks != null && tasks.isArray()) {
        tasks(tasks, doc, pointer + "/tasks", tier, parts);
      }
    }
  }

  private static void tasks(
      JsonNode list, LocatedDocument doc, String pointer, Tier tier, BlueprintParts parts) {
    for (int i = 0; i < list.size(); i++) {
      JsonNode t = list.get(i);
      String p = pointer + "/" + i;
      int line = doc.lineOf(p, doc.line());
      if (t.isObject()) {
        parts.tasks.add(TaskMapper.map((ObjectNode) t, doc.linesUnder(p), line, tier, null));
      } else {
        parts.diagnostics.add(
            Diagnostic.error(
                "E_NOT_A_TASK",
                "tasks entry "
                    + (i + 1)
                    + " is not a mapping with task_id, name, ...; write the task as a mapping",
                null,
                line));
      }
    }
  }
}
