package dev.blueprint.tools.plan;

import static dev.blueprint.tools.plan.Blueprints.task;
import static org.assertj.core.api.Assertions.assertThat;

import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.HumanGate;
import dev.blueprint.tools.blueprint.Status;
import dev.blueprint.tools.blueprint.TaskStatus;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlannerUnscheduledTest {

  private static Plan plan(Blueprint b) {
    return Planner.plan(b, PlanOptions.DEFAULT);
  }

  @Test
  void completeTasksAreListedAndCountAsDoneForTheirDependents() {
    Plan p =
        plan(
            Blueprints.of(
                task("T1").status(TaskStatus.of("✅ COMPLETE")),
                task("T2", "T1"),
                task("T3", "T2")));
    assertThat(p.waves()).containsExactly(List.of("T2"), List.of("T3"));
    assertThat(p.unscheduled())
        .containsExactly(new Unscheduled("T1", "complete", "status ✅ COMPLETE"));
  }

  @Test
  void skippedAndBlockedTasksHoldBackWhatDependsOnThem() {
    Plan p =
        plan(
            Blueprints.of(
                task("T1").status(Status.SKIPPED),
                task("T2").status(Status.BLOCKED),
                task("T3", "T1"),
                task("T4", "T2", "T1"),
                task("T5")));
    assertThat(p.waves()).containsExactly(List.of("T5"));
    assertThat(p.unscheduled())
        .containsExactly(
            new Unscheduled("T1", "skipped", "status skipped"),
            new Unscheduled("T2", "blocked", "status blocked"),
            new Unscheduled("T3", "depends_on_unscheduled", "waits on T1 (skipped)"),
            new Unscheduled("T4", "depends_on_unscheduled", "waits on T1 (skipped), T2 (blocked)"));
  }

  @Test
  void aHumanGatedTaskIsReportedWithWhatThePersonMustDo() {
    HumanGate gate = new HumanGate("approve the migration", "touches prod", null, 4);
    Plan p = plan(Blueprints.of(task("T1").humanRequired(gate), task("T2", "T1")));
    assertThat(p.waves()).isEmpty();
    assertThat(p.unscheduled())
        .containsExactly(
            new Unscheduled("T1", "human_required", "waits for a person: approve the migration"),
            new Unscheduled("T2", "depends_on_unscheduled", "waits on T1 (human_required)"));
  }

  @Test
  void dependentsFurtherDownNameTheirOwnDirectPrerequisite() {
    Plan p =
        plan(
            Blueprints.of(
                task("T1").status(Status.BLOCKED), task("T2", "T1"), task("T3", "T2"), task("T4")));
    assertThat(p.unscheduled())
        .extracting(Unscheduled::taskId, Unscheduled::detail)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("T1", "status blocked"),
            org.assertj.core.groups.Tuple.tuple("T2", "waits on T1 (blocked)"),
            org.assertj.core.groups.Tuple.tuple("T3", "waits on T2 (depends_on_unscheduled)"));
  }

  @Test
  void aCycleIsReportedAndTheRestIsStillPlanned() {
    Plan p =
        plan(
            Blueprints.of(
                task("T1"),
                task("T2", "T1", "T4"),
                task("T3", "T2"),
                task("T4", "T3"),
                task("T5", "T4"),
                task("T6", "T1")));
    assertThat(p.waves()).containsExactly(List.of("T1"), List.of("T6"));
    assertThat(p.unscheduled())
        .containsExactly(
            new Unscheduled("T2", "in_cycle", "in a cycle with T3, T4"),
            new Unscheduled("T3", "in_cycle", "in a cycle with T2, T4"),
            new Unscheduled("T4", "in_cycle", "in a cycle with T2, T3"),
            new Unscheduled("T5", "depends_on_unscheduled", "waits on T4 (in_cycle)"));
  }

  @Test
  void aTaskThatWaitsForItselfIsInACycle() {
    Plan p = plan(Blueprints.of(task("T1", "T1"), task("T2")));
    assertThat(p.waves()).containsExactly(List.of("T2"));
    assertThat(p.unscheduled())
        .containsExactly(new Unscheduled("T1", "in_cycle", "depends on itself"));
  }

  @Test
  void aMissingDependencyIsNamedAndItsDependentsWait() {
    Plan p = plan(Blueprints.of(task("T1", "T9", "T8"), task("T2", "T1"), task("T3")));
    assertThat(p.waves()).containsExactly(List.of("T3"));
    assertThat(p.unscheduled())
        .containsExactly(
            new Unscheduled("T1", "missing_dependency", "depends on missing T9, T8"),
            new Unscheduled("T2", "depends_on_unscheduled", "waits on T1 (missing_dependency)"));
  }

  @Test
  void aTasksOwnStatusWinsOverTheGraph() {
    Plan p = plan(Blueprints.of(task("T1", "T0").status(Status.COMPLETE), task("T2", "T1")));
    assertThat(p.waves()).containsExactly(List.of("T2"));
    assertThat(p.unscheduled()).extracting(Unscheduled::reason).containsExactly("complete");
  }

  @Test
  void aLongListOfPrerequisitesIsShortenedInTheDetail() {
    Plan p =
        plan(
            Blueprints.of(
                task("T1").status(Status.BLOCKED),
                task("T2").status(Status.BLOCKED),
                task("T3").status(Status.BLOCKED),
                task("T4").status(Status.BLOCKED),
                task("T5").status(Status.BLOCKED),
                task("T6").status(Status.BLOCKED),
                task("T7").status(Status.BLOCKED),
                task("T8", "T1", "T2", "T3", "T4", "T5", "T6", "T7")));
    assertThat(p.unscheduled().get(7).detail())
        .isEqualTo(
            "waits on T1 (blocked), T2 (blocked), T3 (blocked), T4 (blocked), T5 (blocked) and 2"
                + " more");
  }

  @Test
  void aPlanStartsFromTheTasksARunHasDone() {
    Blueprint b = Blueprints.of(task("T1"), task("T2", "T1"), task("T3", "T2"), task("T4"));
    Plan p = Planner.plan(b, new PlanOptions(null, Set.of("T1", "T4")));
    assertThat(p.waves()).containsExactly(List.of("T2"), List.of("T3"));
    assertThat(p.unscheduled())
        .containsExactly(
            new Unscheduled("T1", "complete", "done in this run"),
            new Unscheduled("T4", "complete", "done in this run"));
  }
}
