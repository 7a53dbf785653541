package dev.blueprint.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes a generated blueprint as Taskmaster's tasks.json (task-master-ai 0.43, tagged format): a
 * {@code master} tag holding {@code tasks} with integer ids and integer dependency lists, and
 * {@code metadata}. Task {@code Tn} becomes id {@code n}.
 */
final class TaskmasterWriter {
  private TaskmasterWriter() {}

  static String write(GeneratedBlueprint g) throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    ObjectNode master = root.putObject("master");
    ArrayNode tasks = master.putArray("tasks");
    for (int i = 0; i < g.size(); i++) {
      ObjectNode t = tasks.addObject();
      t.put("id", i + 1);
      t.put("title", "Task " + (i + 1));
      t.put("description", "module " + GeneratedBlueprint.id(i));
      t.put("status", "pending");
      ArrayNode deps = t.putArray("dependencies");
      for (int d : g.dependencies().get(i)) {
        deps.add(d + 1);
      }
      t.put("priority", "medium");
      t.put("details", "");
      t.put("testStrategy", "make test-" + GeneratedBlueprint.id(i));
      t.putArray("subtasks");
    }
    ObjectNode meta = master.putObject("metadata");
    meta.put("created", "2026-01-01T00:00:00.000Z");
    meta.put("updated", "2026-01-01T00:00:00.000Z");
    meta.put("description", "blueprint bench, " + g.size() + " tasks");
    return mapper.writeValueAsString(root);
  }
}
