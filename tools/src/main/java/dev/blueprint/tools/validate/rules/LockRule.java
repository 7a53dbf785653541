package dev.blueprint.tools.validate.rules;

import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.Diagnostic;
import dev.blueprint.tools.blueprint.LockUse;
import dev.blueprint.tools.blueprint.ResourceLock;
import dev.blueprint.tools.blueprint.Task;
import dev.blueprint.tools.blueprint.VerificationStep;
import dev.blueprint.tools.validate.TaskRule;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * E_UNDECLARED_LOCK: a task takes a lock ({@code resources.locks}) or a test tier requires one
 * ({@code verification.<tier>.requires_resources}) that execution.resource_locks does not declare.
 */
public final class LockRule implements TaskRule {
  @Override
  public TaskRule.Pass start(Blueprint b, List<Diagnostic> out) {
    Set<String> declared = new TreeSet<>();
    for (ResourceLock l : b.execution().resourceLocks()) {
      declared.add(l.name());
    }
    return new TaskRule.Pass() {
      @Override
      public void task(Task t) {
        for (LockUse use : t.locks()) {
          if (!declared.contains(use.name())) {
            out.add(
                Diagnostic.error(
                    "E_UNDECLARED_LOCK",
                    TaskIndex.name(t)
                        + " resources.locks (line "
                        + use.line()
                        + ") takes lock '"
                        + use.name()
                        + "', which execution.resource_locks does not declare"
                        + declaredList(declared)
                        + "; declare it with {name, mode: exclusive|shared}",
                    t.id(),
                    use.line()));
          }
        }
        for (VerificationStep step : t.verification()) {
          for (String name : step.requiresResources()) {
            if (name != null && !name.isBlank() && !declared.contains(name)) {
              out.add(
                  Diagnostic.error(
                      "E_UNDECLARED_LOCK",
                      TaskIndex.name(t)
                          + " verification."
                          + step.tier().name().toLowerCase(Locale.ROOT)
                          + ".requires_resources (line "
                          + step.line()
                          + ") names '"
                          + name
                          + "', which execution.resource_locks does not declare"
                          + declaredList(declared)
                          + "; declare it with {name, mode: exclusive|shared}",
                      t.id(),
                      step.line()));
            }
          }
        }
      }
    };
  }

  private static String declaredList(Set<String> declared) {
    return declared.isEmpty()
        ? " (it declares no locks)"
        : " (declared: " + String.join(", ", declared) + ")";
  }
}
