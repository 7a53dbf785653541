package dev.blueprint.tools.blueprint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a form reader collects while it walks a document; builds the {@link Blueprint} at the end.
 */
final class BlueprintParts {
  final String source;
  final BlueprintForm form;
  String title;
  final Map<String, String> metadata = new LinkedHashMap<>();
  final Map<String, Integer> metadataLines = new LinkedHashMap<>();
  int metadataLine;
  ExecutionConfig execution = ExecutionConfig.empty();
  final List<Tier> tiers = new ArrayList<>();
  final List<Task> tasks = new ArrayList<>();
  DeclaredGraph graph;
  final ObjectNode extras = JsonNodeFactory.instance.objectNode();
  final List<Diagnostic> diagnostics = new ArrayList<>();

  BlueprintParts(String source, BlueprintForm form) {
    this.source = source;
    this.form = form;
  }

  void metadata(String key, String value, int line) {
    if (metadataLine == 0) {
      metadataLine = line;
    }
    metadata.put(key, value);
    metadataLines.put(key, line);
  }

  /** Records the scalar entries of a mapping as metadata (a first YAML document, front matter). */
  void metadataFrom(JsonNode map, LocatedDocument doc, String prefix) {
    if (map == null || !map.isObject()) {
      return;
    }
    map.fields()
        .forEachRemaining(
            e -> {
              String v = NodeValues.anyText(e.getValue());
              v = v == null ? "" : v;
              metadata(
                  e.getKey(),
                  v,
                  doc.lineOf(prefix + "/" + LocatedTreeParser.escape(e.getKey()), doc.line()));
            });
  }

  void extra(String key, JsonNode value) {
    if (!extras.has(key)) {
      extras.set(key, value);
    }
  }

  void tier(Tier tier) {
    if (!tiers.contains(tier)) {
      tiers.add(tier);
    }
  }

  Blueprint build() {
    Metadata md =
        metadata.isEmpty() && metadataLine == 0
            ? Metadata.none()
            : new Metadata(metadata, metadataLines, metadataLine);
    return new Blueprint(
        source, form, title, md, execution, tiers, tasks, graph, extras, diagnostics);
  }
}
