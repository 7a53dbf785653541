package dev.blueprint.tools.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.Diagnostic;
import dev.blueprint.tools.blueprint.Task;
import dev.blueprint.tools.validate.TaskRule;
import java.util.List;
import java.util.Set;

/**
 * I_UNKNOWN_FIELD: a task, verification or execution field BSF does not define. It is kept (in
 * {@code raw}) and reported, never dropped: real files carry many, often typos of real ones.
 */
public final class UnknownFieldRule implements TaskRule {
  static final Set<String> TASK_FIELDS =
      Set.of(
          "task_id",
          "name",
          "status",
          "dependencies",
          "interface",
          "acceptance_criteria",
          "rollback",
          "verification",
          "test_command",
          "input_bindings",
          "output",
          "assignee",
          "estimated_sessions",
          "track",
          "parallel_group",
          "priority",
          "description",
          "files_to_create",
          "files_to_modify",
          "notes",
          "example",
          "idempotent",
          "required_capabilities",
          "execution_context",
          "resources",
          "on_failure",
          "on_success",
          "human_required",
          "handoff",
          "implementation",
          "condition",
          "agent",
          "command");
  static final Set<String> TEST_TIERS = Set.of("smoke", "unit", "integration", "e2e");
  static final Set<String> EXECUTION_FIELDS =
      Set.of(
          "shell",
          "shell_flags",
          "max_parallel_tasks",
          "resource_locks",
          "preflight_checks",
          "secret_resolution",
          "lock_arbitration",
          "budget",
          "retry_policy",
          "timeout",
          "validation",
          "observability",
          "logging",
          "storage",
          "compatibility_mode");

  @Override
  public TaskRule.Pass start(Blueprint b, List<Diagnostic> out) {
    return new TaskRule.Pass() {
      @Override
      public void task(Task t) {
        t.raw()
            .fieldNames()
            .forEachRemaining(
                f -> {
                  if (!TASK_FIELDS.contains(f)) {
                    int line = TaskIndex.lineOf(t, "/" + StringFields.escape(f));
                    out.add(unknown(TaskIndex.name(t) + " field '" + f + "'", line, t.id()));
                  }
                });
        JsonNode v = t.raw().get("verification");
        if (v != null && v.isObject()) {
          v.fieldNames()
              .forEachRemaining(
                  f -> {
                    if (!TEST_TIERS.contains(f)) {
                      int line = TaskIndex.lineOf(t, "/verification/" + StringFields.escape(f));
                      out.add(
                          unknown(
                              TaskIndex.name(t)
                                  + " verification tier '"
                                  + f
                                  + "' (tiers: smoke, unit,"
                                  + " integration, e2e)",
                              line,
                              t.id()));
                    }
                  });
        }
      }

      @Override
      public void finish() {
        JsonNode exec = b.execution().raw();
        if (exec != null) {
          exec.fieldNames()
              .forEachRemaining(
                  f -> {
                    if (!EXECUTION_FIELDS.contains(f)) {
                      out.add(unknown("execution field '" + f + "'", b.execution().line(), null));
                    }
                  });
        }
      }
    };
  }

  private static Diagnostic unknown(String what, int line, String taskId) {
    return Diagnostic.info(
        "I_UNKNOWN_FIELD",
        what
            + " (line "
            + line
            + ") is not a BSF field; it is kept but not used (check the spelling)",
        taskId,
        line);
  }
}
