package dev.blueprint.bench;

/** Writes a generated blueprint in BSF markdown form: metadata, execution block, task blocks. */
final class MarkdownWriter {
  private MarkdownWriter() {}

  static String write(GeneratedBlueprint g) {
    StringBuilder s = new StringBuilder(g.size() * 400);
    s.append("# Bench ").append(g.size()).append(" — Blueprint\n\n");
    s.append("> **Document Status**: Generated\n\n");
    s.append("<!-- BLUEPRINT METADATA (DO NOT REMOVE) -->\n");
    s.append("<!-- _blueprint_version: 2.0.0 -->\n");
    s.append("<!-- _generated_at: 2026-01-01T00:00:00Z -->\n");
    s.append("<!-- _generator: blueprint-bench -->\n");
    s.append("<!-- _total_tasks: ").append(g.size()).append(" -->\n");
    s.append("<!-- END METADATA -->\n\n");
    s.append("## Execution Configuration\n\n```yaml\nexecution:\n");
    s.append("  shell: bash\n  shell_flags: [-e, -o, pipefail]\n  max_parallel_tasks: 16\n");
    s.append("  resource_locks:\n");
    s.append("    - name: db\n      type: exclusive\n");
    s.append("    - name: deploy\n      type: exclusive\n");
    s.append("    - name: api\n      type: shared\n      max_holders: 4\n");
    s.append("    - name: gpu\n      type: shared\n      max_holders: 2\n");
    s.append("```\n\n## Tier 0: Generated\n\n");
    for (int i = 0; i < g.size(); i++) {
      appendTask(s, g, i);
    }
    return s.toString();
  }

  private static void appendTask(StringBuilder s, GeneratedBlueprint g, int i) {
    String id = GeneratedBlueprint.id(i);
    s.append("### ").append(id).append(": Task ").append(i + 1).append("\n\n```yaml\n");
    s.append("task_id: ").append(id).append('\n');
    s.append("name: \"Task ").append(i + 1).append("\"\n");
    s.append("status: not_started\n");
    s.append("dependencies: [");
    int[] deps = g.dependencies().get(i);
    for (int k = 0; k < deps.length; k++) {
      s.append(k == 0 ? "" : ", ").append(GeneratedBlueprint.id(deps[k]));
    }
    s.append("]\n");
    s.append("interface:\n  input: \"outputs of the dependencies\"\n");
    s.append("  output: \"module ").append(id).append("\"\n");
    s.append("acceptance_criteria:\n  - \"module ").append(id).append(" builds\"\n");
    s.append("output:\n  location: file\n  path: \"out/").append(id).append(".json\"\n");
    s.append("  ports:\n    result:\n      type: file\n");
    s.append("test_command: \"make test-").append(id).append("\"\n");
    s.append("rollback: \"git checkout -- src/").append(id).append("\"\n");
    if (g.estimates()[i] > 0) {
      s.append("estimated_sessions: ").append(g.estimates()[i]).append('\n');
    }
    if (g.locks()[i] != null) {
      String[] lock = g.locks()[i].split(":");
      s.append("resources:\n  locks:\n    - name: ").append(lock[0]);
      s.append("\n      mode: ").append(lock[1]).append('\n');
    }
    s.append("```\n\n");
  }
}
