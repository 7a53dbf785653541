package dev.blueprint.tools.plan;

import dev.blueprint.tools.blueprint.Durations;
import dev.blueprint.tools.blueprint.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The longest chain of scheduled tasks. A task weighs its {@code estimated_sessions} when given and
 * positive, else its timeout in hours ({@code resources.timeout}, else {@code
 * execution_context.timeout}), else 1. Done tasks weigh nothing. Ties go to the naturally first
 * task, so the answer is stable.
 *
 * @param path task ids, first to last
 * @param length the sum of their weights
 */
record CriticalPath(List<String> path, double length) {

  static double weight(Task t) {
    if (t.estimatedSessions() != null && t.estimatedSessions() > 0) {
      return t.estimatedSessions();
    }
    Duration timeout = Durations.parse(t.timeout()).orElse(null);
    if (timeout != null && !timeout.isZero()) {
      return timeout.toMillis() / 3_600_000.0;
    }
    return 1;
  }

  /**
   * Longest path over the scheduled tasks, visiting them in wave order (a topological order), so
   * one pass with no recursion suffices.
   */
  static CriticalPath of(TaskGraph g, Eligibility eligibility, List<int[]> waves) {
    int n = g.size();
    double[] dist = new double[n];
    int[] pred = new int[n];
    int end = -1;
    for (int[] wave : waves) {
      for (int t : wave) {
        double best = 0;
        int bestPred = -1;
        for (int p : g.prerequisites[t]) {
          // prerequisites are sorted by rank, so a strict > keeps the naturally first on ties
          if (eligibility.schedulable(p) && dist[p] > best) {
            best = dist[p];
            bestPred = p;
          }
        }
        dist[t] = best + weight(g.tasks[t]);
        pred[t] = bestPred;
        if (end < 0 || dist[t] > dist[end] || (dist[t] == dist[end] && t < end)) {
          end = t;
        }
      }
    }
    if (end < 0) {
      return new CriticalPath(List.of(), 0);
    }
    List<String> path = new ArrayList<>();
    for (int t = end; t >= 0; t = pred[t]) {
      path.add(g.id(t));
    }
    Collections.reverse(path);
    return new CriticalPath(path, dist[end]);
  }
}
