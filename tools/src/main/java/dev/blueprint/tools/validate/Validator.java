package dev.blueprint.tools.validate;

import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.Diagnostic;
import dev.blueprint.tools.validate.rules.CompletenessRule;
import dev.blueprint.tools.validate.rules.CycleRule;
import dev.blueprint.tools.validate.rules.DataFlowRule;
import dev.blueprint.tools.validate.rules.DependencyRule;
import dev.blueprint.tools.validate.rules.DuplicateIdRule;
import dev.blueprint.tools.validate.rules.DurationRule;
import dev.blueprint.tools.validate.rules.FallbackRule;
import dev.blueprint.tools.validate.rules.GraphAgreementRule;
import dev.blueprint.tools.validate.rules.LiteralSecretRule;
import dev.blueprint.tools.validate.rules.LockRule;
import dev.blueprint.tools.validate.rules.MetadataRule;
import dev.blueprint.tools.validate.rules.NoTasksRule;
import dev.blueprint.tools.validate.rules.PortRule;
import dev.blueprint.tools.validate.rules.RequiredFieldsRule;
import dev.blueprint.tools.validate.rules.StatusRule;
import dev.blueprint.tools.validate.rules.TaskRules;
import dev.blueprint.tools.validate.rules.TestCommandRule;
import dev.blueprint.tools.validate.rules.TransformRule;
import dev.blueprint.tools.validate.rules.UnknownFieldRule;
import dev.blueprint.tools.validate.rules.ValueRule;
import dev.blueprint.tools.validate.rules.VariableRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * Runs every rule of BSF over a blueprint and returns all findings at once, so an agent can fix a
 * whole blueprint in one pass. Pure: no I/O.
 */
public final class Validator {
  /** Every rule, in the order their findings are listed before sorting. */
  public static final List<Rule> RULES =
      List.of(
          new NoTasksRule(),
          new DuplicateIdRule(),
          new RequiredFieldsRule(),
          new StatusRule(),
          new DependencyRule(),
          new CycleRule(),
          new PortRule(),
          new DurationRule(),
          new TransformRule(),
          new LiteralSecretRule(),
          new VariableRule(),
          new LockRule(),
          new FallbackRule(),
          new ValueRule(),
          new DataFlowRule(),
          new CompletenessRule(),
          new TestCommandRule(),
          new MetadataRule(),
          new GraphAgreementRule(),
          new UnknownFieldRule());

  /** Errors first, then warnings, then info; within each, by line (document-level first). */
  private static final Comparator<Diagnostic> ORDER =
      Comparator.comparing(Diagnostic::severity).thenComparingInt(Diagnostic::line);

  private Validator() {}

  public static ValidationReport validate(Blueprint blueprint) {
    List<TaskRule> taskRules = new ArrayList<>();
    for (Rule rule : RULES) {
      if (rule instanceof TaskRule t) {
        taskRules.add(t);
      }
    }
    // All task rules in one visit of each task; their findings are listed in RULES order below.
    Iterator<List<Diagnostic>> perTask = TaskRules.run(blueprint, taskRules).iterator();
    List<Diagnostic> all = new ArrayList<>(blueprint.readDiagnostics());
    for (Rule rule : RULES) {
      if (rule instanceof TaskRule) {
        all.addAll(perTask.next());
        continue;
      }
      try {
        all.addAll(rule.check(blueprint));
      } catch (RuntimeException e) {
        all.add(TaskRules.failure(rule, e));
      }
    }
    all.sort(ORDER);
    return new ValidationReport(blueprint.source(), blueprint.tasks().size(), all);
  }
}
