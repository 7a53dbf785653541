package dev.blueprint.server.mcp;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blueprint.tools.plan.Plan;
import dev.blueprint.tools.plan.Unscheduled;
import dev.blueprint.tools.render.PlanJson;
import java.util.Map;

/**
 * How a {@link Plan} is shown to MCP clients: structured content exactly as {@code bp plan --json}
 * prints it (the shared {@link PlanJson}), and a short text for the model.
 */
final class PlanView {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private PlanView() {}

  /** The same JSON as {@code bp plan --json}, as a map the tool may add to. */
  static Map<String, Object> json(Plan plan) {
    return JSON.convertValue(PlanJson.toJson(plan), MAP);
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
