package dev.blueprint.tools.plan;

import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.validate.ValidationReport;
import dev.blueprint.tools.validate.Validator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A blueprint's validation report and its plan: what {@code bp plan} and the MCP plan tool answer
 * with. Both only read the same immutable blueprint, so on a large one the plan is made on a thread
 * of its own while the caller's thread validates (on a 100k-task blueprint they were a third of the
 * time from file to plan, one after the other).
 */
public record CheckedPlan(ValidationReport report, Plan plan) {
  /** Below this many tasks both take a few milliseconds: a thread would cost more than it saves. */
  private static final int PARALLEL_FROM = 2_000;

  /** Validates {@code blueprint} and plans it with {@code options}. */
  public static CheckedPlan of(Blueprint blueprint, PlanOptions options) {
    if (blueprint.tasks().size() < PARALLEL_FROM
        || Runtime.getRuntime().availableProcessors() < 2) {
      return new CheckedPlan(Validator.validate(blueprint), Planner.plan(blueprint, options));
    }
    // A thread of its own rather than the common pool, whose one worker on two cores may be busy
    // with the reader's parallel parsing of another call. (Splitting the validator's rules over two
    // threads as well was measured and gained nothing: its passes wait on memory, not on a core.)
    FutureTask<Plan> planning = new FutureTask<>(() -> Planner.plan(blueprint, options));
    Thread planner = new Thread(planning, "bp-plan");
    planner.setDaemon(true);
    planner.start();
    ValidationReport report = Validator.validate(blueprint);
    return new CheckedPlan(report, await(planning));
  }

  private static Plan await(FutureTask<Plan> planning) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return planning.get();
        } catch (InterruptedException e) {
          interrupted = true; // the plan is seconds away at most: finish it, then re-interrupt
        }
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
