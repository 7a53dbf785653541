package dev.blueprint.tools.aggregate;

import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.Diagnostic;
import dev.blueprint.tools.blueprint.Severity;
import dev.blueprint.tools.validate.Validator;
import java.util.List;
import java.util.Set;

/**
 * Which validation errors keep a blueprint from becoming a run. Not every error: a scripted task
 * without {@code interface} or {@code verification} can still run (the engine flags work it cannot
 * verify), but a cycle, a duplicate or unknown id, no tasks, a bad duration or a literal secret
 * make a run meaningless or unsafe, and such a run is never created.
 */
public final class DispatchReadiness {
  private static final Set<String> BLOCKING =
      Set.of(
          "E_CYCLE",
          "E_DUPLICATE_ID",
          "E_NO_TASKS",
          "E_UNKNOWN_DEPENDENCY",
          "E_UNKNOWN_FALLBACK",
          "E_BAD_DURATION",
          "E_LITERAL_SECRET");

  private DispatchReadiness() {}

  /** The errors that keep this blueprint from being dispatched; empty when it can run. */
  public static List<Diagnostic> blockers(Blueprint bp) {
    return Validator.validate(bp).diagnostics().stream()
        .filter(d -> d.severity() == Severity.ERROR && BLOCKING.contains(d.code()))
        .toList();
  }
}
