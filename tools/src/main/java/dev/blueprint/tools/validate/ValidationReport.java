package dev.blueprint.tools.validate;

import dev.blueprint.tools.blueprint.Diagnostic;
import java.util.List;

/**
 * What validate found: every diagnostic at once, errors first then by line. A blueprint is valid
 * when no diagnostic is an error.
 */
public record ValidationReport(String source, int taskCount, List<Diagnostic> diagnostics) {
  public ValidationReport {
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean valid() {
    return diagnostics.stream().noneMatch(Diagnostic::isError);
  }
}
