package dev.blueprint.tools.validate.rules;

import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.Diagnostic;
import dev.blueprint.tools.validate.Rule;
import java.util.List;

/** E_NO_TASKS: a blueprint without tasks (the reader reports files; this covers built ones). */
public final class NoTasksRule implements Rule {
  @Override
  public List<Diagnostic> check(Blueprint b) {
    boolean reported = b.readDiagnostics().stream().anyMatch(d -> d.code().equals("E_NO_TASKS"));
    if (!b.tasks().isEmpty() || reported) {
      return List.of();
    }
    return List.of(Diagnostic.error("E_NO_TASKS", "the blueprint has no tasks", null, 0));
  }
}
