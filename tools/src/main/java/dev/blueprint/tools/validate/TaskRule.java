package dev.blueprint.tools.validate;

import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.Diagnostic;
import dev.blueprint.tools.blueprint.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * A rule that looks at one task at a time. The validator runs every such rule in one visit of each
 * task (all rules on task 1, then all on task 2, ...) instead of one pass over all tasks per rule:
 * on 100k-task blueprints the repeated passes were mostly spent waiting on memory.
 *
 * <p>Each rule still lists its findings in its own order (blueprint-level findings from {@link
 * #start}, then per task in task order, then from {@link Pass#finish}), so the validator's report
 * is the same as when each rule ran alone.
 */
public interface TaskRule extends Rule {

  /** One check of one blueprint; holds what the rule needs across tasks. */
  interface Pass {
    /** Checks one task, in document order. */
    void task(Task t);

    /** After the last task. */
    default void finish() {}
  }

  /**
   * Starts checking {@code b}; findings go to {@code out}. May add blueprint-level findings that
   * come before the per-task ones.
   */
  Pass start(Blueprint b, List<Diagnostic> out);

  /** Runs this rule alone over the blueprint (the validator runs all task rules together). */
  @Override
  default List<Diagnostic> check(Blueprint b) {
    List<Diagnostic> out = new ArrayList<>();
    Pass pass = start(b, out);
    for (Task t : b.tasks()) {
      pass.task(t);
    }
    pass.finish();
    return out;
  }
}
