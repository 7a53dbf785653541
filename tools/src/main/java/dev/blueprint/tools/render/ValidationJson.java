package dev.blueprint.tools.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.blueprint.tools.blueprint.Diagnostic;
import dev.blueprint.tools.blueprint.Severity;
import dev.blueprint.tools.validate.ValidationReport;
import java.util.Locale;

/**
 * A validation report as JSON, for {@code bp validate --json} and the MCP validate tool:
 *
 * <pre>{@code
 * {"schema_version": 1, "source": "...", "valid": false, "task_count": 12,
 *  "error_count": 1, "warning_count": 2, "info_count": 0,
 *  "diagnostics": [{"severity": "error", "code": "...", "message": "...",
 *                   "task_id": "T3", "line": 40}]}
 * }</pre>
 *
 * {@code task_id} is null for document-level findings; {@code line} is 0 when unknown.
 */
public final class ValidationJson {
  private ValidationJson() {}

  public static ObjectNode toJson(ValidationReport report) {
    ObjectNode root = JsonOutput.object();
    root.put("source", report.source());
    root.put("valid", report.valid());
    root.put("task_count", report.taskCount());
    root.put("error_count", count(report, Severity.ERROR));
    root.put("warning_count", count(report, Severity.WARNING));
    root.put("info_count", count(report, Severity.INFO));
    ArrayNode list = root.putArray("diagnostics");
    for (Diagnostic d : report.diagnostics()) {
      list.add(diagnostic(d));
    }
    return root;
  }

  /** One diagnostic as JSON; also used where diagnostics travel alone (reader errors). */
  public static ObjectNode diagnostic(Diagnostic d) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("severity", d.severity().name().toLowerCase(Locale.ROOT));
    node.put("code", d.code());
    node.put("message", d.message());
    node.put("task_id", d.taskId());
    node.put("line", d.line());
    return node;
  }

  static long count(ValidationReport report, Severity severity) {
    return report.diagnostics().stream().filter(d -> d.severity() == severity).count();
  }
}
