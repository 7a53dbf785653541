package dev.blueprint.tools.dispatch;

import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.Task;
import java.util.List;
import java.util.Set;

/**
 * The blueprint as the planner should see it once people approved some gated tasks: those tasks
 * lose their {@code human_required} block, so they (and what depends on them) become plannable.
 */
final class ApprovedGates {
  private ApprovedGates() {}

  static Blueprint apply(Blueprint bp, Set<String> approved) {
    if (approved.isEmpty()) {
      return bp;
    }
    List<Task> tasks =
        bp.tasks().stream()
            .map(t -> approved.contains(t.id()) && t.humanRequired() != null ? ungated(t) : t)
            .toList();
    return new Blueprint(
        bp.source(),
        bp.form(),
        bp.title(),
        bp.metadata(),
        bp.execution(),
        bp.tiers(),
        tasks,
        bp.declaredGraph(),
        bp.extras(),
        bp.readDiagnostics());
  }

  private static Task ungated(Task t) {
    return new Task(
        t.id(),
        t.line(),
        t.tier(),
        t.name(),
        t.status(),
        t.dependencies(),
        t.bindings(),
        t.outputPorts(),
        t.interfaceInput(),
        t.interfaceOutput(),
        t.acceptanceCriteria(),
        t.verification(),
        t.testCommand(),
        t.rollback(),
        t.locks(),
        t.parallelGroup(),
        t.estimatedSessions(),
        t.timeout(),
        t.onFailure(),
        null,
        t.agent(),
        t.command(),
        t.filesToCreate(),
        t.filesToModify(),
        t.requiredCapabilities(),
        t.description(),
        t.raw(),
        t.fieldLines());
  }
}
