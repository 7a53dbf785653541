package dev.blueprint.tools.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.blueprint.tools.plan.Plan;
import dev.blueprint.tools.plan.Unscheduled;
import dev.blueprint.tools.validate.ValidationReport;
import java.util.List;

/**
 * A plan as JSON, for {@code bp plan --json} and the MCP plan tool:
 *
 * <pre>{@code
 * {"schema_version": 1, "source": "...", "waves": [["T1", "T2"], ["T3"]], "wave_count": 2,
 *  "critical_path": ["T1", "T3"], "critical_path_length": 2, "max_width": 2,
 *  "unscheduled": [{"task_id": "T4", "reason": "blocked", "detail": "status blocked"}]}
 * }</pre>
 *
 * With a validation report it adds {@code valid}, {@code task_count} and {@code error_count}, so a
 * caller sees at once whether the plan stands on a valid blueprint.
 */
public final class PlanJson {
  private PlanJson() {}

  public static ObjectNode toJson(Plan plan) {
    ObjectNode root = JsonOutput.object();
    root.put("source", plan.source());
    ArrayNode waves = root.putArray("waves");
    for (List<String> wave : plan.waves()) {
      ArrayNode ids = waves.addArray();
      wave.forEach(ids::add);
    }
    root.put("wave_count", plan.waves().size());
    ArrayNode path = root.putArray("critical_path");
    plan.criticalPath().forEach(path::add);
    JsonOutput.putNumber(root, "critical_path_length", plan.criticalPathLength());
    root.put("max_width", plan.maxWidth());
    ArrayNode unscheduled = root.putArray("unscheduled");
    for (Unscheduled u : plan.unscheduled()) {
      ObjectNode node = unscheduled.addObject();
      node.put("task_id", u.taskId());
      node.put("reason", u.reason());
      node.put("detail", u.detail());
    }
    return root;
  }

  public static ObjectNode toJson(Plan plan, ValidationReport report) {
    ObjectNode root = toJson(plan);
    root.put("valid", report.valid());
    root.put("task_count", report.taskCount());
    root.put(
        "error_count", ValidationJson.count(report, dev.blueprint.tools.blueprint.Severity.ERROR));
    return root;
  }
}
