package dev.blueprint.tools.validate.rules;

import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.Diagnostic;
import dev.blueprint.tools.blueprint.Task;
import dev.blueprint.tools.validate.TaskRule;
import java.util.List;

/** E_UNKNOWN_FALLBACK: on_failure.fallback_task names no task (or the task itself). */
public final class FallbackRule implements TaskRule {
  @Override
  public TaskRule.Pass start(Blueprint b, List<Diagnostic> out) {
    TaskIndex index = TaskIndex.of(b);
    return new TaskRule.Pass() {
      @Override
      public void task(Task t) {
        String fb = t.onFailure().fallbackTask();
        if (fb == null) {
          return;
        }
        int line = TaskIndex.lineOf(t, "/on_failure/fallback_task");
        if (!index.has(fb)) {
          String guess = index.closest(fb);
          out.add(
              Diagnostic.error(
                  "E_UNKNOWN_FALLBACK",
                  TaskIndex.name(t)
                      + " on_failure.fallback_task (line "
                      + line
                      + "): '"
                      + fb
                      + "' is not a task in this blueprint"
                      + (guess == null ? "" : "; did you mean '" + guess + "'?"),
                  t.id(),
                  line));
        } else if (fb.equals(t.id())) {
          out.add(
              Diagnostic.error(
                  "E_UNKNOWN_FALLBACK",
                  TaskIndex.name(t)
                      + " on_failure.fallback_task (line "
                      + line
                      + ") names the task itself; name another task or use max_retries",
                  t.id(),
                  line));
        }
      }
    };
  }
}
