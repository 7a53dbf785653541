package dev.blueprint.tools.validate.rules;

import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.Diagnostic;
import dev.blueprint.tools.blueprint.Task;
import dev.blueprint.tools.validate.Rule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** E_DUPLICATE_ID: each repeat of a task id, pointing back at the first. */
public final class DuplicateIdRule implements Rule {
  @Override
  public List<Diagnostic> check(Blueprint b) {
    List<Diagnostic> out = new ArrayList<>();
    Map<String, Task> first = new HashMap<>();
    for (Task t : b.tasks()) {
      if (t.id().isBlank()) {
        continue;
      }
      Task earlier = first.putIfAbsent(t.id(), t);
      if (earlier != null) {
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
    }
    return out;
  }
}
