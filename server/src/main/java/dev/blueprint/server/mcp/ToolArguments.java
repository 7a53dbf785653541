package dev.blueprint.server.mcp;

import io.modelcontextprotocol.spec.McpError;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Typed access to a tool call's arguments. A wrong type is a malformed call, so it becomes a
 * JSON-RPC "invalid params" error rather than a tool result.
 */
record ToolArguments(Map<String, Object> values) {

  ToolArguments {
    values = values == null ? Map.of() : values;
  }

  /** A string argument, or null when absent; blank strings count as absent. */
  String string(String name) throws McpError {
    Object v = values.get(name);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String s)) {
      throw ToolReplies.invalidParams("argument '" + name + "' must be a string");
    }
    return s.isBlank() ? null : s;
  }

  /** A positive integer argument, or null when absent. */
  Integer positiveInt(String name) throws McpError {
    Object v = values.get(name);
    if (v == null) {
      return null;
    }
    if (v instanceof Number n
        && n.doubleValue() == Math.rint(n.doubleValue())
        && n.intValue() > 0) {
      return n.intValue();
    }
    throw ToolReplies.invalidParams("argument '" + name + "' must be a positive integer");
  }

  /** A boolean argument; absent is false. */
  boolean bool(String name) throws McpError {
    Object v = values.get(name);
    if (v == null) {
      return false;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    throw ToolReplies.invalidParams("argument '" + name + "' must be a boolean");
  }

  /** A non-empty array of non-blank strings in the given order without repeats, or null. */
  Set<String> stringSet(String name) throws McpError {
    Object v = values.get(name);
    if (v == null) {
      return null;
    }
    Set<String> out = new LinkedHashSet<>();
    if (v instanceof Iterable<?> items) {
      for (Object item : items) {
        if (!(item instanceof String s) || s.isBlank()) {
          throw ToolReplies.invalidParams("argument '" + name + "' must hold non-empty strings");
        }
        out.add(s);
      }
    }
    if (out.isEmpty()) {
      throw ToolReplies.invalidParams("argument '" + name + "' must be a non-empty string array");
    }
    return out;
  }

  /** Fails the call unless exactly one of the named arguments is given. */
  void requireExactlyOne(String... names) throws McpError {
    int given = 0;
    for (String n : names) {
      if (string(n) != null) {
        given++;
      }
    }
    if (given != 1) {
      throw ToolReplies.invalidParams("give exactly one of: " + String.join(", ", names));
    }
  }
}
