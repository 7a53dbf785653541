package dev.blueprint.tools.plan;

import dev.blueprint.tools.blueprint.Blueprint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Orders a blueprint's tasks into waves. Pure: no I/O, no clocks. Never throws on a bad graph:
 * tasks in a cycle, behind a missing dependency or behind another unscheduled task are reported in
 * {@link Plan#unscheduled()} and the rest is planned. Every algorithm here is iterative, so a chain
 * of 100k tasks plans without deep recursion.
 */
public final class Planner {
  private Planner() {}

  public static Plan plan(Blueprint blueprint, PlanOptions options) {
    TaskGraph g = TaskGraph.of(blueprint);
    Eligibility eligibility = new Eligibility(g, options.done());
    LockTable locks = new LockTable(g, blueprint.execution());
    List<int[]> rankWaves =
        new WaveScheduler(g, eligibility, locks, maxParallel(blueprint, options)).waves();
    List<List<String>> waves = new ArrayList<>(rankWaves.size());
    int maxWidth = 0;
    for (int[] wave : rankWaves) {
      Arrays.sort(wave);
      List<String> ids = new ArrayList<>(wave.length);
      for (int t : wave) {
        ids.add(g.id(t));
      }
      waves.add(ids);
      maxWidth = Math.max(maxWidth, wave.length);
    }
    CriticalPath critical = CriticalPath.of(g, eligibility, rankWaves);
    List<Unscheduled> unscheduled = new ArrayList<>();
    for (int i = 0; i < g.size(); i++) {
      if (!eligibility.schedulable(i)) {
        unscheduled.add(new Unscheduled(g.id(i), eligibility.reason[i], eligibility.detail[i]));
      }
    }
    return new Plan(
        blueprint.source(), waves, critical.path(), critical.length(), maxWidth, unscheduled);
  }

  /**
   * The tasks a run may start now, in natural id order: all prerequisites done, not running, not
   * gated, not unscheduled. Locks and parallel limits are the caller's to apply.
   *
   * @param done tasks the run has finished (tasks with status complete count as done too)
   * @param running tasks the run has started and not finished
   */
  public static List<String> ready(Blueprint blueprint, Set<String> done, Set<String> running) {
    TaskGraph g = TaskGraph.of(blueprint);
    Eligibility eligibility = new Eligibility(g, done);
    List<String> ready = new ArrayList<>();
    for (int i = 0; i < g.size(); i++) {
      if (eligibility.schedulable(i) && !running.contains(g.id(i)) && allDone(g, eligibility, i)) {
        ready.add(g.id(i));
      }
    }
    return ready;
  }

  private static boolean allDone(TaskGraph g, Eligibility eligibility, int rank) {
    for (int p : g.prerequisites[rank]) {
      if (!eligibility.done[p]) {
        return false;
      }
    }
    return true;
  }

  /** The options' limit, else the blueprint's {@code max_parallel_tasks}; unlimited if neither. */
  static int maxParallel(Blueprint blueprint, PlanOptions options) {
    Integer limit = options.maxParallel();
    if (limit == null && blueprint.execution() != null) {
      limit = blueprint.execution().maxParallelTasks();
    }
    return limit == null || limit <= 0 ? Integer.MAX_VALUE : limit;
  }
}
