package dev.blueprint.tools.blueprint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Lenient reads of Jackson values: what a person plausibly meant, never an exception. */
final class NodeValues {
  private NodeValues() {}

  private static final java.util.regex.Pattern INT = java.util.regex.Pattern.compile("-?\\d{1,9}");

  /** A scalar's text; null for absent, null or container values. */
  static String text(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode() || node.isContainerNode()) {
      return null;
    }
    return node.asText();
  }

  /** A field's scalar text, or null. */
  static String text(JsonNode parent, String field) {
    return parent == null ? null : text(parent.get(field));
  }

  /** Text of a scalar, or the compact JSON of a container; null for absent and null. */
  static String anyText(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    return node.isContainerNode() ? node.toString() : node.asText();
  }

  /**
   * A list of texts: an array's elements, or a single scalar as one element. A comma-separated
   * string is split only when {@code splitCommas} is set (dependency lists written inline).
   */
  static List<String> texts(JsonNode node, boolean splitCommas) {
    List<String> out = new ArrayList<>();
    if (node == null || node.isNull() || node.isMissingNode()) {
      return out;
    }
    if (node.isArray()) {
      for (JsonNode e : node) {
        String t = anyText(e);
        if (t != null) {
          out.add(t);
        }
      }
    } else if (!node.isObject()) {
      String t = node.asText();
      if (splitCommas) {
        for (String part : t.split(",")) {
          if (!part.isBlank()) {
            out.add(part.trim());
          }
        }
      } else if (!t.isBlank()) {
        out.add(t);
      }
    }
    return out;
  }

  /** An integer value, or null when absent or not a whole number. */
  static Integer integer(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isIntegralNumber() && node.canConvertToInt()) {
      return node.intValue();
    }
    if (node.isTextual() && INT.matcher(node.asText().trim()).matches()) {
      return Integer.parseInt(node.asText().trim());
    }
    return null;
  }

  /** A number, or null when absent or not numeric. */
  static Double number(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isTextual()) {
      try {
        return Double.parseDouble(node.asText().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** A boolean, or {@code otherwise} when absent or unreadable. */
  static boolean bool(JsonNode node, boolean otherwise) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return otherwise;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    String t = node.asText().trim().toLowerCase(java.util.Locale.ROOT);
    return switch (t) {
      case "true", "yes", "on", "1" -> true;
      case "false", "no", "off", "0" -> false;
      default -> otherwise;
    };
  }
}
