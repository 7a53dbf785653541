package dev.blueprint.tools.validate.rules;

import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.Diagnostic;
import dev.blueprint.tools.blueprint.Task;
import dev.blueprint.tools.validate.TaskRule;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs task rules together: one visit of each task for all of them, and one walk of its strings for
 * every rule that reads strings. Each rule keeps its own list of findings, in the order the rule
 * would list them alone.
 */
public final class TaskRules {
  private TaskRules() {}

  /**
   * The findings of each rule, in the order of {@code rules}. A rule that throws is stopped and its
   * findings are replaced by one E_RULE_FAILED naming it, so a rule bug hides no other finding.
   */
  public static List<List<Diagnostic>> run(Blueprint b, List<TaskRule> rules) {
    int n = rules.size();
    List<List<Diagnostic>> outs = new ArrayList<>(n);
    TaskRule.Pass[] passes = new TaskRule.Pass[n];
    RuntimeException[] failed = new RuntimeException[n];
    for (int i = 0; i < n; i++) {
      outs.add(new ArrayList<>());
      try {
        passes[i] = rules.get(i).start(b, outs.get(i));
      } catch (RuntimeException e) {
        failed[i] = e;
      }
    }
    for (Task t : b.tasks()) {
      boolean strings = false;
      for (int i = 0; i < n; i++) {
        if (failed[i] == null) {
          try {
            passes[i].task(t);
            strings |= passes[i] instanceof StringPass;
          } catch (RuntimeException e) {
            failed[i] = e;
          }
        }
      }
      if (strings) {
        walkStrings(t, passes, failed);
      }
    }
    for (int i = 0; i < n; i++) {
      if (failed[i] == null) {
        try {
          passes[i].finish();
        } catch (RuntimeException e) {
          failed[i] = e;
        }
      }
      if (failed[i] != null) {
        outs.set(i, List.of(failure(rules.get(i), failed[i])));
      }
    }
    return outs;
  }

  private static void walkStrings(Task t, TaskRule.Pass[] passes, RuntimeException[] failed) {
    StringFields.forEach(
        t.raw(),
        "",
        (path, value) -> {
          for (int i = 0; i < passes.length; i++) {
            if (failed[i] == null && passes[i] instanceof StringPass s) {
              try {
                s.string(path, value);
              } catch (RuntimeException e) {
                failed[i] = e;
              }
            }
          }
        });
    for (int i = 0; i < passes.length; i++) {
      if (failed[i] == null && passes[i] instanceof StringPass s) {
        try {
          s.endTask(t);
        } catch (RuntimeException e) {
          failed[i] = e;
        }
      }
    }
  }

  /** One string rule alone (its {@link TaskRule#check}): its own walk, exceptions thrown. */
  static List<Diagnostic> alone(TaskRule rule, Blueprint b) {
    List<Diagnostic> out = new ArrayList<>();
    StringPass pass = (StringPass) rule.start(b, out);
    for (Task t : b.tasks()) {
      pass.task(t);
      StringFields.forEach(t.raw(), "", pass::string);
      pass.endTask(t);
    }
    pass.finish();
    return out;
  }

  /** The finding that stands for a rule that failed. */
  public static Diagnostic failure(Object rule, RuntimeException e) {
    // A rule bug must not hide every other finding; say which rule failed.
    return Diagnostic.error(
        "E_RULE_FAILED",
        rule.getClass().getSimpleName() + " could not check this blueprint: " + e,
        null,
        0);
  }
}
