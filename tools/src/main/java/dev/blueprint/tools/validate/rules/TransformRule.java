package dev.blueprint.tools.validate.rules;

import dev.blueprint.tools.blueprint.Binding;
import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.Diagnostic;
import dev.blueprint.tools.blueprint.Task;
import dev.blueprint.tools.validate.TaskRule;
import java.util.List;

/** E_TRANSFORM_NOT_JQ: a binding transform in another language, or without an expression. */
public final class TransformRule implements TaskRule {
  @Override
  public TaskRule.Pass start(Blueprint b, List<Diagnostic> out) {
    return new TaskRule.Pass() {
      @Override
      public void task(Task t) {
        for (Binding bind : t.bindings()) {
          String lang = bind.transformLanguage();
          String expr = bind.transformExpression();
          if (lang == null && expr == null) {
            continue;
          }
          String field = TaskIndex.name(t) + " input_bindings." + bind.name() + ".transform";
          if (lang == null || !lang.trim().equalsIgnoreCase("jq")) {
            out.add(
                Diagnostic.error(
                    "E_TRANSFORM_NOT_JQ",
                    field
                        + " (line "
                        + bind.line()
                        + ") is in '"
                        + lang
                        + "'; transforms must be {language: jq, expression: ...}",
                    t.id(),
                    bind.line()));
          } else if (expr == null || expr.isBlank()) {
            out.add(
                Diagnostic.error(
                    "E_TRANSFORM_NOT_JQ",
                    field
                        + " (line "
                        + bind.line()
                        + ") has no jq expression; add expression: '.field'",
                    t.id(),
                    bind.line()));
          }
        }
      }
    };
  }
}
