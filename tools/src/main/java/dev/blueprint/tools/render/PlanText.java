package dev.blueprint.tools.render;

import dev.blueprint.tools.blueprint.Severity;
import dev.blueprint.tools.plan.Plan;
import dev.blueprint.tools.plan.Unscheduled;
import dev.blueprint.tools.validate.ValidationReport;
import java.util.List;

/**
 * A plan for people: a headline, the wave table, the critical path and the unscheduled tasks.
 *
 * <pre>
 * Plan for plan.bp.md: 4 tasks in 3 waves, widest wave 2, 1 unscheduled
 *
 * Wave  Width  Tasks
 *    1      2  T1, T2
 *    2      1  T3
 *    3      1  T4
 *
 * Critical path (length 3): T1 -&gt; T3 -&gt; T4
 *
 * Unscheduled (1):
 *   T5  blocked  status blocked
 * </pre>
 */
public final class PlanText {
  private PlanText() {}

  public static String render(Plan plan) {
    StringBuilder out = new StringBuilder();
    int scheduled = plan.waves().stream().mapToInt(List::size).sum();
    out.append("Plan for ")
        .append(plan.source())
        .append(": ")
        .append(ValidationText.plural(scheduled, "task"))
        .append(" in ")
        .append(ValidationText.plural(plan.waves().size(), "wave"))
        .append(", widest wave ")
        .append(plan.maxWidth());
    if (!plan.unscheduled().isEmpty()) {
      out.append(", ").append(plan.unscheduled().size()).append(" unscheduled");
    }
    out.append("\n\n");
    appendWaves(out, plan.waves());
    out.append("\nCritical path (length ")
        .append(JsonOutput.number(plan.criticalPathLength()))
        .append("): ")
        .append(plan.criticalPath().isEmpty() ? "none" : String.join(" -> ", plan.criticalPath()))
        .append('\n');
    appendUnscheduled(out, plan.unscheduled());
    return out.toString();
  }

  /** The plan, then a pointer to {@code bp validate} when the blueprint has errors. */
  public static String render(Plan plan, ValidationReport report) {
    String text = render(plan);
    if (report.valid()) {
      return text;
    }
    long errors = ValidationJson.count(report, Severity.ERROR);
    return text
        + "\nThe blueprint has "
        + ValidationText.plural(errors, "error")
        + ": run bp validate "
        + report.source()
        + " for details.\n";
  }

  private static void appendWaves(StringBuilder out, List<List<String>> waves) {
    if (waves.isEmpty()) {
      out.append("No task can be scheduled.\n");
      return;
    }
    int numberWidth = Math.max(4, String.valueOf(waves.size()).length());
    out.append(pad("Wave", numberWidth)).append("  Width  Tasks\n");
    for (int i = 0; i < waves.size(); i++) {
      List<String> wave = waves.get(i);
      out.append(pad(String.valueOf(i + 1), numberWidth))
          .append("  ")
          .append(pad(String.valueOf(wave.size()), 5))
          .append("  ")
          .append(String.join(", ", wave))
          .append('\n');
    }
  }

  private static void appendUnscheduled(StringBuilder out, List<Unscheduled> unscheduled) {
    if (unscheduled.isEmpty()) {
      return;
    }
    int idWidth = unscheduled.stream().mapToInt(u -> u.taskId().length()).max().orElse(0);
    int reasonWidth = unscheduled.stream().mapToInt(u -> u.reason().length()).max().orElse(0);
    out.append("\nUnscheduled (").append(unscheduled.size()).append("):\n");
    for (Unscheduled u : unscheduled) {
      out.append("  ")
          .append(padRight(u.taskId(), idWidth))
          .append("  ")
          .append(padRight(u.reason(), reasonWidth))
          .append("  ")
          .append(u.detail())
          .append('\n');
    }
  }

  private static String pad(String s, int width) {
    return " ".repeat(Math.max(0, width - s.length())) + s;
  }

  private static String padRight(String s, int width) {
    return s + " ".repeat(Math.max(0, width - s.length()));
  }
}
