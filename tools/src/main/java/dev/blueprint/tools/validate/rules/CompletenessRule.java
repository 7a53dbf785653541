package dev.blueprint.tools.validate.rules;

import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.Diagnostic;
import dev.blueprint.tools.blueprint.Task;
import dev.blueprint.tools.validate.TaskRule;
import java.util.List;

/** W_NO_ROLLBACK and W_NO_ACCEPTANCE: a task that cannot be undone, or whose "done" is unstated. */
public final class CompletenessRule implements TaskRule {
  @Override
  public TaskRule.Pass start(Blueprint b, List<Diagnostic> out) {
    return new TaskRule.Pass() {
      @Override
      public void task(Task t) {
        if (t.rollback() == null || t.rollback().isBlank()) {
          out.add(
              Diagnostic.warning(
                  "W_NO_ROLLBACK",
                  who(t) + " has no rollback; add rollback: \"<command that undoes it>\"",
                  t.id(),
                  t.line()));
        }
        if (t.acceptanceCriteria().isEmpty()) {
          out.add(
              Diagnostic.warning(
                  "W_NO_ACCEPTANCE",
                  who(t) + " has no acceptance_criteria; list what must be true when it is done",
                  t.id(),
                  t.line()));
        }
      }
    };
  }

  /** Made only for a finding: most tasks have none. */
  private static String who(Task t) {
    return TaskIndex.name(t) + " (line " + t.line() + ")";
  }
}
