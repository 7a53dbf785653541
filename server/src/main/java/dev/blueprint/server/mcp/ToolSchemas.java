package dev.blueprint.server.mcp;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Loads the JSON schemas the tools advertise from {@code /mcp/schemas/} on the class path. Shared
 * parts are written once ({@code {"$ref": "#/$defs/diagnostic"}}) and inlined here, because some
 * MCP clients do not follow {@code $ref}.
 */
final class ToolSchemas {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REF_PREFIX = "#/$defs/";

  private ToolSchemas() {}

  static Map<String, Object> load(String name) {
    JsonNode schema = inline(read(name));
    return JSON.convertValue(schema, new TypeReference<Map<String, Object>>() {});
  }

  private static JsonNode read(String name) {
    String resource = "/mcp/schemas/" + name + ".json";
    try (InputStream in = ToolSchemas.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("schema missing from the jar: " + resource);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("schema unreadable: " + resource, e);
    }
  }

  private static JsonNode inline(JsonNode node) {
    if (node instanceof ObjectNode object) {
      JsonNode ref = object.get("$ref");
      if (ref != null && ref.asText().startsWith(REF_PREFIX)) {
        return inline(read(ref.asText().substring(REF_PREFIX.length())));
      }
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        field.setValue(inline(field.getValue()));
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, inline(array.get(i)));
      }
    }
    return node;
  }
}
