package dev.blueprint.hooks.claude;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds and removes blueprint's entries in a Claude Code settings document ({@code
 * .claude/settings.json}), whose hooks look like {@code {"hooks":{"SessionEnd":[{"matcher":"",
 * "hooks":[{"type":"command","command":"..."}]}]}}}. Everything else in the document is kept as it
 * is; blueprint's entries are recognised by {@link #MARKER} in their command.
 */
public final class ClaudeSettings {

  /** The part of a command that marks an entry as blueprint's. */
  public static final String MARKER = ".blueprint/hooks/claude-hook.sh";

  private ClaudeSettings() {}

  /** The command Claude Code runs for an event. */
  public static String command(String event) {
    return "sh \"$CLAUDE_PROJECT_DIR/" + MARKER + "\" " + event;
  }

  /**
   * Adds blueprint's entry for the event unless one is there.
   *
   * @return true when the document changed
   */
  public static boolean add(ObjectNode settings, String event) {
    ObjectNode hooks = object(settings, "hooks");
    JsonNode existing = hooks.get(event);
    ArrayNode groups;
    if (existing instanceof ArrayNode a) {
      groups = a;
    } else {
      groups = hooks.putArray(event);
    }
    for (JsonNode group : groups) {
      for (JsonNode hook : group.path("hooks")) {
        if (isOurs(hook)) {
          if (hook.path("command").asText().equals(command(event))) {
            return false;
          }
          ((ObjectNode) hook).put("command", command(event));
          return true;
        }
      }
    }
    ObjectNode group = groups.addObject();
    group.put("matcher", "");
    group.putArray("hooks").addObject().put("type", "command").put("command", command(event));
    return true;
  }

  /**
   * Removes blueprint's entries from every event, and groups and events left empty by that.
   *
   * @return how many entries were removed
   */
  public static int removeAll(ObjectNode settings) {
    if (!(settings.get("hooks") instanceof ObjectNode hooks)) {
      return 0;
    }
    int removed = 0;
    for (String event : new ArrayList<>(names(hooks))) {
      if (!(hooks.get(event) instanceof ArrayNode groups)) {
        continue;
      }
      for (int g = groups.size() - 1; g >= 0; g--) {
        if (!(groups.get(g).get("hooks") instanceof ArrayNode list) || list.isEmpty()) {
          continue;
        }
        for (int h = list.size() - 1; h >= 0; h--) {
          if (isOurs(list.get(h))) {
            list.remove(h);
            removed++;
          }
        }
        if (list.isEmpty()) {
          groups.remove(g);
        }
      }
      if (groups.isEmpty()) {
        hooks.remove(event);
      }
    }
    if (hooks.isEmpty()) {
      settings.remove("hooks");
    }
    return removed;
  }

  private static List<String> names(ObjectNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static boolean isOurs(JsonNode hook) {
    return hook.path("command").asText("").contains(MARKER);
  }

  private static ObjectNode object(ObjectNode parent, String key) {
    if (parent.get(key) instanceof ObjectNode o) {
      return o;
    }
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    parent.set(key, o);
    return o;
  }
}
