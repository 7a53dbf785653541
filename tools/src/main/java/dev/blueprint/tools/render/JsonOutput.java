package dev.blueprint.tools.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What every JSON reply shares: a top-level {@code schema_version}, and one way to print it. Keys
 * are snake_case; writers only ever add fields, readers ignore the ones they do not know.
 */
public final class JsonOutput {
  public static final int SCHEMA_VERSION = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonOutput() {}

  /** A new object that already carries {@code schema_version}. */
  public static ObjectNode object() {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("schema_version", SCHEMA_VERSION);
    return node;
  }

  /** Pretty-printed, for people piping to a pager as much as for programs. */
  public static String print(ObjectNode node) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      // A tree of plain nodes always serialises; reaching here is a bug, not user error.
      throw new IllegalStateException("could not print JSON", e);
    }
  }

  /** Puts a weight as an integer when it is one (3, not 3.0), else as a decimal. */
  static void putNumber(ObjectNode node, String key, double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      node.put(key, (long) value);
    } else {
      node.put(key, value);
    }
  }

  /** The same rule for text output. */
  static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return java.math.BigDecimal.valueOf(value)
        .setScale(2, java.math.RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }
}
