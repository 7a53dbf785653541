package dev.blueprint.tools.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.Task;
import dev.blueprint.tools.validate.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Validation and planning at once give what each gives alone, small or large, valid or not. */
class CheckedPlanTest {

  /** {@code n} tasks, each depending on up to three earlier ones; some ids missing or repeated. */
  private static Blueprint random(int n, boolean broken) {
    Random r = new Random(7 + n);
    List<Task.Builder> tasks = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Task.Builder t = Task.builder("T" + i).testCommand("make check");
      for (int k = 0; i > 0 && k < r.nextInt(4); k++) {
        t.dependsOn("T" + r.nextInt(i));
      }
      if (broken && i % 97 == 0) {
        t.dependsOn("T" + (n + i)); // no such task
      }
      tasks.add(t);
    }
    if (broken) {
      tasks.add(Task.builder("T1").testCommand("make check")); // a duplicate id
      tasks.add(Task.builder("C1").dependsOn("C2"));
      tasks.add(Task.builder("C2").dependsOn("C1")); // a cycle
    }
    return Blueprints.of(tasks.toArray(Task.Builder[]::new));
  }

  @Test
  void aLargeBlueprintGetsTheSameReportAndPlanAsValidatingThenPlanning() {
    for (boolean broken : new boolean[] {false, true}) {
      Blueprint b = random(5_000, broken);
      PlanOptions options = new PlanOptions(4, Set.of("T3"));
      CheckedPlan checked = CheckedPlan.of(b, options);
      assertThat(checked.report()).isEqualTo(Validator.validate(b));
      assertThat(checked.plan()).isEqualTo(Planner.plan(b, options));
      assertThat(checked.report().valid()).isEqualTo(!broken);
      assertThat(checked.plan().waves()).isNotEmpty();
    }
  }

  @Test
  void aSmallBlueprintIsCheckedTheSameWay() {
    Blueprint b = random(40, true);
    CheckedPlan checked = CheckedPlan.of(b, PlanOptions.DEFAULT);
    assertThat(checked.report()).isEqualTo(Validator.validate(b));
    assertThat(checked.plan()).isEqualTo(Planner.plan(b, PlanOptions.DEFAULT));
    assertThat(checked.plan().unscheduled()).extracting(Unscheduled::taskId).contains("C1", "C2");
  }
}
