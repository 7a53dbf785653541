package dev.blueprint.tools.plan;

import static dev.blueprint.tools.plan.Blueprints.task;
import static org.assertj.core.api.Assertions.assertThat;

import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.HumanGate;
import dev.blueprint.tools.blueprint.Status;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlannerReadyTest {

  private final Blueprint blueprint =
      Blueprints.of(
          task("T1"),
          task("T2", "T1"),
          task("T3", "T1"),
          task("T10", "T2", "T3"),
          task("T4").humanRequired(new HumanGate(null, "sign-off", null, 9)),
          task("T5").status(Status.COMPLETE),
          task("T6", "T5"));

  @Test
  void atTheStartOnlyTasksWithoutOpenPrerequisitesAreReady() {
    assertThat(Planner.ready(blueprint, Set.of(), Set.of())).containsExactly("T1", "T6");
  }

  @Test
  void finishedTasksReleaseTheirDependentsAndRunningOnesAreLeftOut() {
    assertThat(Planner.ready(blueprint, Set.of("T1"), Set.of("T3", "T6"))).containsExactly("T2");
    assertThat(Planner.ready(blueprint, Set.of("T1", "T2", "T3", "T6"), Set.of()))
        .containsExactly("T10");
  }

  @Test
  void nothingIsReadyWhenAllIsDoneExceptTheGatedTask() {
    assertThat(Planner.ready(blueprint, Set.of("T1", "T2", "T3", "T10", "T6"), Set.of())).isEmpty();
  }
}
