package dev.blueprint.tools.validate.rules;

import dev.blueprint.tools.blueprint.Task;
import dev.blueprint.tools.validate.TaskRule;

/**
 * A pass that reads every string value of a task. {@link TaskRules} walks each task's strings once
 * and feeds every such pass, instead of one walk per rule; {@link #task} only tells the pass which
 * task the strings that follow belong to (and checks what is not a string).
 */
interface StringPass extends TaskRule.Pass {
  /** One string value of the current task, in the walk's order. */
  void string(StringFields.Path path, String value);

  /** After the last string of the current task. */
  default void endTask(Task t) {}
}
