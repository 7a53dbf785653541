package dev.blueprint.tools.validate.rules;

import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.Diagnostic;
import dev.blueprint.tools.blueprint.Task;
import dev.blueprint.tools.validate.TaskRule;
import java.util.List;

/**
 * E_MISSING_FIELD for the core fields every task needs: task_id, name, status, dependencies,
 * interface, and a test (verification or test_command). Presence of name, status, dependencies and
 * interface is judged on the mapping as written, so only for tasks read from a document.
 */
public final class RequiredFieldsRule implements TaskRule {
  private static final String[][] WRITTEN = {
    {"name", "name: \"what the task does\""},
    {"status", "status: not_started"},
    {"dependencies", "dependencies: [] when it depends on nothing"},
    {"interface", "interface: {input: ..., output: ...}"},
  };

  @Override
  public TaskRule.Pass start(Blueprint b, List<Diagnostic> out) {
    return new TaskRule.Pass() {
      @Override
      public void task(Task t) {
        String who = TaskIndex.name(t);
        if (t.id().isBlank()) {
          out.add(
              Diagnostic.error(
                  "E_MISSING_FIELD",
                  "task at line " + t.line() + " has no task_id; add task_id: <unique id>",
                  null,
                  t.line()));
        }
        if (TaskIndex.fromDocument(t)) {
          for (String[] f : WRITTEN) {
            if (!t.raw().has(f[0]) || f[0].equals("name") && t.raw().get("name").isNull()) {
              out.add(missing(t, who, f[0], "add " + f[1]));
            }
          }
        }
        boolean hasTest =
            t.verification().stream().anyMatch(v -> v.command() != null && !v.command().isBlank())
                || t.testCommand() != null && !t.testCommand().isBlank();
        if (!hasTest) {
          out.add(
              missing(
                  t,
                  who,
                  "verification",
                  "add verification: {unit: {command: ...}} or a test_command that proves the task"
                      + " done"));
        }
      }
    };
  }

  private static Diagnostic missing(Task t, String who, String field, String fix) {
    return Diagnostic.error(
        "E_MISSING_FIELD",
        who + " (line " + t.line() + ") has no " + field + "; " + fix,
        t.id().isBlank() ? null : t.id(),
        t.line());
  }
}
