package dev.blueprint.tools.validate.rules;

import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.Diagnostic;
import dev.blueprint.tools.blueprint.Task;
import dev.blueprint.tools.validate.TaskRule;
import java.util.List;

/** E_UNKNOWN_STATUS: a status that is none of the BSF values or their known spellings. */
public final class StatusRule implements TaskRule {
  @Override
  public TaskRule.Pass start(Blueprint b, List<Diagnostic> out) {
    return new TaskRule.Pass() {
      @Override
      public void task(Task t) {
        if (!t.status().isKnown()) {
          int line = TaskIndex.lineOf(t, "/status");
          out.add(
              Diagnostic.error(
                  "E_UNKNOWN_STATUS",
                  TaskIndex.name(t)
                      + " status (line "
                      + line
                      + ") '"
                      + t.status().original()
                      + "' is not a status; use not_started, in_progress, complete, blocked, skipped"
                      + " or checkpointed",
                  t.id(),
                  line));
        }
      }
    };
  }
}
