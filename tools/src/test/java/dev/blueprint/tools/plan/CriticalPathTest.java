package dev.blueprint.tools.plan;

import static dev.blueprint.tools.plan.Blueprints.task;
import static org.assertj.core.api.Assertions.assertThat;

import dev.blueprint.tools.blueprint.Status;
import org.junit.jupiter.api.Test;

class CriticalPathTest {

  @Test
  void withoutEstimatesEveryTaskWeighsOne() {
    Plan p =
        Planner.plan(
            Blueprints.of(task("T1"), task("T2", "T1"), task("T3", "T2"), task("T4", "T1")),
            PlanOptions.DEFAULT);
    assertThat(p.criticalPath()).containsExactly("T1", "T2", "T3");
    assertThat(p.criticalPathLength()).isEqualTo(3.0);
  }

  @Test
  void estimatedSessionsOutweighTaskCount() {
    Plan p =
        Planner.plan(
            Blueprints.of(
                task("T1").estimatedSessions(1.0),
                task("T2", "T1").estimatedSessions(1.0),
                task("T3", "T2").estimatedSessions(1.0),
                task("T4", "T1").estimatedSessions(5.0)),
            PlanOptions.DEFAULT);
    assertThat(p.criticalPath()).containsExactly("T1", "T4");
    assertThat(p.criticalPathLength()).isEqualTo(6.0);
  }

  @Test
  void aTimeoutWeighsItsHoursWhenThereIsNoEstimate() {
    Plan p =
        Planner.plan(
            Blueprints.of(
                task("T1").timeout("PT30M"),
                task("T2", "T1").timeout("PT4H"),
                task("T3", "T1"),
                task("T4", "T3").timeout("7200")),
            PlanOptions.DEFAULT);
    assertThat(p.criticalPath()).containsExactly("T1", "T2");
    assertThat(p.criticalPathLength()).isEqualTo(4.5);
  }

  @Test
  void aMalformedTimeoutCountsAsOne() {
    assertThat(CriticalPath.weight(task("T1").timeout("soon").build())).isEqualTo(1.0);
    assertThat(CriticalPath.weight(task("T1").estimatedSessions(0.0).build())).isEqualTo(1.0);
  }

  @Test
  void tiesGoToTheNaturallyFirstChain() {
    Plan p =
        Planner.plan(
            Blueprints.of(task("T10"), task("T11", "T10"), task("T2"), task("T3", "T2")),
            PlanOptions.DEFAULT);
    assertThat(p.criticalPath()).containsExactly("T2", "T3");
  }

  @Test
  void doneTasksAreNotOnTheCriticalPath() {
    Plan p =
        Planner.plan(
            Blueprints.of(task("T1").status(Status.COMPLETE), task("T2", "T1"), task("T3", "T2")),
            PlanOptions.DEFAULT);
    assertThat(p.criticalPath()).containsExactly("T2", "T3");
    assertThat(p.criticalPathLength()).isEqualTo(2.0);
  }
}
