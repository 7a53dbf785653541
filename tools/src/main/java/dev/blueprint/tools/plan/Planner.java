package dev.blueprint.tools.plan;

import dev.blueprint.tools.blueprint.Blueprint;
import java.util.List;
import java.util.Set;

/** Orders a blueprint's tasks into waves. Pure: no I/O, no clocks. */
public final class Planner {
  private Planner() {}

  public static Plan plan(Blueprint blueprint, PlanOptions options) {
    throw new UnsupportedOperationException("planner not built yet");
  }

  /**
   * The tasks a run may start now, in natural id order: all prerequisites done, not running, not
   * gated, not unscheduled. Locks and parallel limits are the caller's to apply.
   */
  public static List<String> ready(Blueprint blueprint, Set<String> done, Set<String> running) {
    throw new UnsupportedOperationException("planner not built yet");
  }
}
