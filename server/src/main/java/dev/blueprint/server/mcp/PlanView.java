package dev.blueprint.server.mcp;

import dev.blueprint.tools.plan.Plan;
import dev.blueprint.tools.plan.Unscheduled;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a {@link Plan} is shown to MCP clients: structured content (snake_case, {@code
 * schema_version} 1) and a short text for the model.
 */
final class PlanView {
  private PlanView() {}

  static Map<String, Object> json(Plan plan) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("schema_version", 1);
    out.put("source", plan.source());
    out.put("waves", plan.waves());
    out.put("wave_count", plan.waves().size());
    out.put("critical_path", plan.criticalPath());
    out.put("critical_path_length", plan.criticalPathLength());
    out.put("max_width", plan.maxWidth());
    List<Map<String, Object>> unscheduled = new ArrayList<>();
    for (Unscheduled u : plan.unscheduled()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("task_id", u.taskId());
      m.put("reason", u.reason());
      m.put("detail", u.detail());
      unscheduled.add(m);
    }
    out.put("unscheduled", unscheduled);
    return out;
  }

  /** The waves one per line, then the critical path and what will not run. */
  static String text(Plan plan) {
    StringBuilder sb = new StringBuilder();
    sb.append("plan: ")
        .append(plan.source())
        .append(", ")
        .append(plan.waves().size())
        .append(" waves, max width ")
        .append(plan.maxWidth());
    for (int i = 0; i < plan.waves().size(); i++) {
      sb.append("\nwave ").append(i + 1).append(": ").append(String.join(" ", plan.waves().get(i)));
    }
    if (!plan.criticalPath().isEmpty()) {
      sb.append("\ncritical path (")
          .append(number(plan.criticalPathLength()))
          .append("): ")
          .append(String.join(" -> ", plan.criticalPath()));
    }
    for (Unscheduled u : plan.unscheduled()) {
      sb.append("\nnot run: ").append(u.taskId()).append(" (").append(u.reason());
      if (u.detail() != null && !u.detail().isBlank()) {
        sb.append(": ").append(u.detail());
      }
      sb.append(')');
    }
    return sb.toString();
  }

  private static String number(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
