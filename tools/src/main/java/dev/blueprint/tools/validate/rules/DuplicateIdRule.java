package dev.blueprint.tools.validate.rules;

import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.Diagnostic;
import dev.blueprint.tools.blueprint.Task;
import dev.blueprint.tools.blueprint.TaskIds;
import dev.blueprint.tools.validate.Rule;
import java.util.ArrayList;
import java.util.List;

/** E_DUPLICATE_ID: each repeat of a task id, pointing back at the first. */
public final class DuplicateIdRule implements Rule {
  @Override
  public List<Diagnostic> check(Blueprint b) {
    List<Diagnostic> out = new ArrayList<>();
    List<Task> tasks = b.tasks();
    TaskIds ids = TaskIds.of(tasks);
    for (int i = 0; i < tasks.size(); i++) {
      Task t = tasks.get(i);
      if (t.id().isBlank() || ids.isFirst(i)) {
        continue;
      }
      Task earlier = tasks.get(ids.indexOf(t.id()));
      out.add(
          Diagnostic.error(
              "E_DUPLICATE_ID",
              "task_id "
                  + t.id()
                  + " (line "
                  + t.line()
                  + ") is already used by the task at line "
                  + earlier.line()
                  + "; give this task its own id",
              t.id(),
              t.line()));
    }
    return out;
  }
}
