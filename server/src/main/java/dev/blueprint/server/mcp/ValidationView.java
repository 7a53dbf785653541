package dev.blueprint.server.mcp;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blueprint.tools.blueprint.Diagnostic;
import dev.blueprint.tools.blueprint.Severity;
import dev.blueprint.tools.render.ValidationJson;
import dev.blueprint.tools.validate.ValidationReport;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a {@link ValidationReport} is shown to MCP clients: structured content exactly as {@code bp
 * validate --json} prints it (the shared {@link ValidationJson}), and a short text for the model.
 */
final class ValidationView {
  private static final int TEXT_DIAGNOSTICS = 20;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private ValidationView() {}

  /** The same JSON as {@code bp validate --json}, as the map the SDK serializes. */
  static Map<String, Object> json(ValidationReport report) {
    return JSON.convertValue(ValidationJson.toJson(report), MAP);
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
