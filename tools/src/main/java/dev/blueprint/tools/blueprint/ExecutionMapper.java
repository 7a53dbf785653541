package dev.blueprint.tools.blueprint;

import static dev.blueprint.tools.blueprint.NodeValues.integer;
import static dev.blueprint.tools.blueprint.NodeValues.text;
import static dev.blueprint.tools.blueprint.NodeValues.texts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads an {@code execution:} block (2.0 and 2.1) into an {@link ExecutionConfig}. */
final class ExecutionMapper {
  private ExecutionMapper() {}

  /**
   * @param lines absolute lines keyed by pointers relative to the execution block
   * @param line the line of the {@code execution} key
   */
  static ExecutionConfig map(ObjectNode exec, Map<String, Integer> lines, int line) {
    List<String> flags = new ArrayList<>();
    JsonNode f = exec.get("shell_flags");
    if (f != null && f.isTextual()) {
      for (String part : f.asText().trim().split("\\s+")) {
        if (!part.isEmpty()) {
          flags.add(part);
        }
      }
    } else {
      flags.addAll(texts(f, false));
    }
    return new ExecutionConfig(
        text(exec, "shell"),
        flags,
        integer(exec.get("max_parallel_tasks")),
        locks(exec.get("resource_locks"), lines, line),
        preflight(exec.get("preflight_checks"), lines, line),
        secrets(exec.get("secret_resolution"), lines, line),
        exec,
        line);
  }

  private static List<ResourceLock> locks(JsonNode node, Map<String, Integer> lines, int line) {
    List<ResourceLock> out = new ArrayList<>();
    if (node == null || !node.isArray()) {
      return out;
    }
    for (int i = 0; i < node.size(); i++) {
      JsonNode l = node.get(i);
      int at = lines.getOrDefault("/resource_locks/" + i, line);
      String name = l.isObject() ? text(l, "name") : text(l);
      if (name == null) {
        continue;
      }
      String modeText =
          l.isObject() ? (text(l, "mode") != null ? text(l, "mode") : text(l, "type")) : null;
      LockMode mode = TaskMapper.lockMode(modeText);
      Integer max = l.isObject() ? integer(l.get("max_holders")) : null;
      int holders =
          mode == LockMode.EXCLUSIVE ? 1 : max == null || max < 1 ? Integer.MAX_VALUE : max;
      out.add(new ResourceLock(name, mode, holders, at));
    }
    return out;
  }

  private static List<PreflightCheck> preflight(
      JsonNode node, Map<String, Integer> lines, int line) {
    List<PreflightCheck> out = new ArrayList<>();
    if (node == null || !node.isArray()) {
      return out;
    }
    for (int i = 0; i < node.size(); i++) {
      JsonNode c = node.get(i);
      int at = lines.getOrDefault("/preflight_checks/" + i, line);
      String command = c.isObject() ? text(c, "command") : text(c);
      if (command == null) {
        continue;
      }
      Integer exit = c.isObject() ? integer(c.get("expected_exit_code")) : null;
      out.add(
          new PreflightCheck(
              command,
              exit == null ? 0 : exit,
              c.isObject() ? text(c, "error_message") : null,
              at));
    }
    return out;
  }

  private static SecretResolution secrets(JsonNode node, Map<String, Integer> lines, int line) {
    if (node == null || !node.isObject()) {
      return SecretResolution.DEFAULT;
    }
    List<SecretSource> sources = new ArrayList<>();
    JsonNode list = node.get("sources");
    if (list != null && list.isArray()) {
      for (int i = 0; i < list.size(); i++) {
        JsonNode s = list.get(i);
        int at = lines.getOrDefault("/secret_resolution/sources/" + i, line);
        if (!s.isObject()) {
          if (text(s) != null) {
            sources.add(new SecretSource(text(s), null, null, null, at));
          }
          continue;
        }
        String type = text(s, "type");
        JsonNode body = s;
        if (type == null && s.size() == 1) {
          // The {env: {prefix: ...}} spelling: the single key is the type.
          type = s.fieldNames().next();
          body = s.get(type);
        }
        sources.add(
            new SecretSource(
                type, text(body, "prefix"), text(body, "path"), text(body, "address"), at));
      }
    }
    return new SecretResolution(text(node, "on_missing"), sources);
  }
}
