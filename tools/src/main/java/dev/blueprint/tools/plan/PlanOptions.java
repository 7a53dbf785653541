package dev.blueprint.tools.plan;

import java.util.Set;

/**
 * How to plan.
 *
 * @param maxParallel overrides the blueprint's {@code max_parallel_tasks} when not null
 * @param done tasks a run has already finished: planning starts from there
 */
public record PlanOptions(Integer maxParallel, Set<String> done) {
  public static final PlanOptions DEFAULT = new PlanOptions(null, Set.of());

  public PlanOptions {
    done = Set.copyOf(done);
  }
}
