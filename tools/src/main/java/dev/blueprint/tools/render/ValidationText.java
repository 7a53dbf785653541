package dev.blueprint.tools.render;

import dev.blueprint.tools.blueprint.Diagnostic;
import dev.blueprint.tools.blueprint.Severity;
import dev.blueprint.tools.validate.ValidationReport;
import java.util.Locale;

/**
 * A validation report for people: one diagnostic a line, in the {@code file:line: severity CODE
 * [task] message} shape editors and terminals link to, then a one-line summary.
 *
 * <pre>
 * plan.bp.md:40: error E_CYCLE [T3] cycle T3 -&gt; T4 -&gt; T3
 * plan.bp.md:12: warning W_NO_ROLLBACK [T1] no rollback
 * plan.bp.md: invalid: 1 error, 1 warning, 0 infos in 12 tasks
 * </pre>
 *
 * The line number is left out when unknown (0), the task when the finding is about the document.
 */
public final class ValidationText {
  private ValidationText() {}

  public static String render(ValidationReport report) {
    StringBuilder out = new StringBuilder();
    for (Diagnostic d : report.diagnostics()) {
      out.append(line(report.source(), d)).append('\n');
    }
    out.append(summary(report)).append('\n');
    return out.toString();
  }

  public static String line(String source, Diagnostic d) {
    StringBuilder s = new StringBuilder(source);
    if (d.line() > 0) {
      s.append(':').append(d.line());
    }
    s.append(": ").append(d.severity().name().toLowerCase(Locale.ROOT));
    s.append(' ').append(d.code());
    if (d.taskId() != null) {
      s.append(" [").append(d.taskId()).append(']');
    }
    return s.append(' ').append(d.message()).toString();
  }

  public static String summary(ValidationReport report) {
    return report.source()
        + ": "
        + (report.valid() ? "valid" : "invalid")
        + ": "
        + plural(ValidationJson.count(report, Severity.ERROR), "error")
        + ", "
        + plural(ValidationJson.count(report, Severity.WARNING), "warning")
        + ", "
        + plural(ValidationJson.count(report, Severity.INFO), "info")
        + " in "
        + plural(report.taskCount(), "task");
  }

  static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
