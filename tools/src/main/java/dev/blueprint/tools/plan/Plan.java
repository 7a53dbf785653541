package dev.blueprint.tools.plan;

import java.util.List;

/**
 * The schedule of a blueprint: waves of task ids that may run together, in natural id order.
 *
 * @param criticalPath the longest chain of scheduled tasks, first to last
 * @param criticalPathLength its weight (estimated sessions, timeouts in hours, or task count)
 * @param maxWidth the widest wave
 * @param unscheduled tasks not scheduled, and why
 */
public record Plan(
    String source,
    List<List<String>> waves,
    List<String> criticalPath,
    double criticalPathLength,
    int maxWidth,
    List<Unscheduled> unscheduled) {
  public Plan {
    waves = waves.stream().map(List::copyOf).toList();
    criticalPath = List.copyOf(criticalPath);
    unscheduled = List.copyOf(unscheduled);
  }
}
