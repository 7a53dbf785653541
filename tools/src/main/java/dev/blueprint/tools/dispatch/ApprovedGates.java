package dev.blueprint.tools.dispatch;

import dev.blueprint.tools.blueprint.Blueprint;
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
    return bp.withTasks(
        bp.tasks().stream()
            .map(t -> approved.contains(t.id()) ? t.withoutHumanGate() : t)
            .toList());
  }
}
