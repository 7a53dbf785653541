package dev.blueprint.tools.validate.rules;

import dev.blueprint.tools.blueprint.Binding;
import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.Dependency;
import dev.blueprint.tools.blueprint.Diagnostic;
import dev.blueprint.tools.blueprint.Task;
import dev.blueprint.tools.validate.Rule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * E_UNKNOWN_DEPENDENCY for a dependency or binding source that is not a task;
 * I_REDUNDANT_DEPENDENCY when a binding's source is also listed in dependencies (a binding already
 * orders the tasks).
 */
public final class DependencyRule implements Rule {
  @Override
  public List<Diagnostic> check(Blueprint b) {
    TaskIndex index = TaskIndex.of(b);
    List<Diagnostic> out = new ArrayList<>();
    List<Task> tasks = b.tasks();
    for (int i = 0; i < tasks.size(); i++) {
      Task t = tasks.get(i);
      if (t.bindings().isEmpty() && !index.ids().hasUnknownPrerequisite(i)) {
        continue; // the shared index already looked every dependency up: all known
      }
      String who = TaskIndex.name(t);
      for (Dependency d : t.dependencies()) {
        if (!index.has(d.taskId())) {
          out.add(unknown(index, t, who + " dependencies", d.taskId(), d.line()));
        }
      }
      if (t.bindings().isEmpty()) {
        continue;
      }
      Set<String> declared = new HashSet<>();
      t.dependencies().forEach(d -> declared.add(d.taskId()));
      for (Binding bind : t.bindings()) {
        if (bind.source() == null || bind.source().isBlank()) {
          out.add(
              Diagnostic.error(
                  "E_MISSING_FIELD",
                  who
                      + " input_bindings."
                      + bind.name()
                      + " (line "
                      + bind.line()
                      + ") has no source; name the task whose output it takes",
                  t.id(),
                  bind.line()));
        } else if (!index.has(bind.source())) {
          out.add(
              unknown(
                  index,
                  t,
                  who + " input_bindings." + bind.name() + ".source",
                  bind.source(),
                  bind.line()));
        } else if (declared.contains(bind.source())) {
          out.add(
              Diagnostic.info(
                  "I_REDUNDANT_DEPENDENCY",
                  who
                      + " lists "
                      + bind.source()
                      + " in dependencies, but input_bindings."
                      + bind.name()
                      + " (line "
                      + bind.line()
                      + ") already takes its output, which orders the tasks; the dependency entry"
                      + " can go",
                  t.id(),
                  bind.line()));
        }
      }
    }
    return out;
  }

  private static Diagnostic unknown(TaskIndex index, Task t, String field, String id, int line) {
    String guess = index.closest(id);
    return Diagnostic.error(
        "E_UNKNOWN_DEPENDENCY",
        field
            + " (line "
            + line
            + "): '"
            + id
            + "' is not a task in this blueprint"
            + (guess == null ? "" : "; did you mean '" + guess + "'?"),
        t.id(),
        line);
  }
}
