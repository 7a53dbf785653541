package dev.blueprint.server.mcp;

import dev.blueprint.tools.blueprint.Diagnostic;
import dev.blueprint.tools.blueprint.Severity;
import dev.blueprint.tools.validate.ValidationReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a {@link ValidationReport} is shown to MCP clients: structured content (snake_case, {@code
 * schema_version} 1) and a short text for the model.
 */
final class ValidationView {
  private static final int TEXT_DIAGNOSTICS = 20;

  private ValidationView() {}

  static Map<String, Object> json(ValidationReport report) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("schema_version", 1);
    out.put("source", report.source());
    out.put("valid", report.valid());
    out.put("task_count", report.taskCount());
    out.put("error_count", count(report, Severity.ERROR));
    out.put("warning_count", count(report, Severity.WARNING));
    out.put("info_count", count(report, Severity.INFO));
    List<Map<String, Object>> diagnostics = new ArrayList<>();
    for (Diagnostic d : report.diagnostics()) {
      diagnostics.add(diagnostic(d));
    }
    out.put("diagnostics", diagnostics);
    return out;
  }

  static Map<String, Object> diagnostic(Diagnostic d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("severity", d.severity().name().toLowerCase(Locale.ROOT));
    m.put("code", d.code());
    m.put("message", d.message());
    m.put("task_id", d.taskId());
    m.put("line", d.line());
    return m;
  }

  /** One summary line, then one line per diagnostic (errors first, as the report orders them). */
  static String text(ValidationReport report) {
    StringBuilder sb = new StringBuilder();
    sb.append(report.valid() ? "valid" : "invalid")
        .append(": ")
        .append(report.source())
        .append(", ")
        .append(report.taskCount())
        .append(" tasks, ")
        .append(count(report, Severity.ERROR))
        .append(" errors, ")
        .append(count(report, Severity.WARNING))
        .append(" warnings");
    appendDiagnostics(sb, report.diagnostics());
    return sb.toString();
  }

  static void appendDiagnostics(StringBuilder sb, List<Diagnostic> diagnostics) {
    int shown = 0;
    for (Diagnostic d : diagnostics) {
      if (shown == TEXT_DIAGNOSTICS) {
        sb.append("\n... ")
            .append(diagnostics.size() - shown)
            .append(" more in structured content");
        break;
      }
      sb.append('\n').append(line(d));
      shown++;
    }
  }

  static String line(Diagnostic d) {
    StringBuilder sb = new StringBuilder();
    sb.append(d.severity().name().toLowerCase(Locale.ROOT)).append(' ').append(d.code());
    if (d.line() > 0) {
      sb.append(" line ").append(d.line());
    }
    if (d.taskId() != null) {
      sb.append(" [").append(d.taskId()).append(']');
    }
    return sb.append(": ").append(d.message()).toString();
  }

  private static long count(ValidationReport report, Severity severity) {
    return report.diagnostics().stream().filter(d -> d.severity() == severity).count();
  }
}
