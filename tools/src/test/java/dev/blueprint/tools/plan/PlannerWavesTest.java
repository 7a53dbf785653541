package dev.blueprint.tools.plan;

import static dev.blueprint.tools.plan.Blueprints.task;
import static org.assertj.core.api.Assertions.assertThat;

import dev.blueprint.tools.blueprint.Binding;
import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.LockMode;
import dev.blueprint.tools.blueprint.ResourceLock;
import dev.blueprint.tools.blueprint.Task;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlannerWavesTest {

  private static Plan plan(Blueprint b) {
    return Planner.plan(b, PlanOptions.DEFAULT);
  }

  @Test
  void independentTasksShareOneWaveInNaturalIdOrder() {
    Plan p = plan(Blueprints.of(task("T10"), task("T2"), task("T1")));
    assertThat(p.waves()).containsExactly(List.of("T1", "T2", "T10"));
    assertThat(p.maxWidth()).isEqualTo(3);
    assertThat(p.unscheduled()).isEmpty();
    assertThat(p.source()).isEqualTo("test.bp.md");
  }

  @Test
  void aTaskWaitsForAllItsDependencies() {
    Plan p =
        plan(
            Blueprints.of(
                task("T1"),
                task("T2"),
                task("T3", "T1"),
                task("T4", "T3", "T2"),
                task("T5", "T1")));
    assertThat(p.waves()).containsExactly(List.of("T1", "T2"), List.of("T3", "T5"), List.of("T4"));
  }

  @Test
  void bindingSourcesOrderTasksLikeDependencies() {
    Binding fromT1 = new Binding("in", "T1", "out", "stdout", true, null, null, null, 3);
    Plan p = plan(Blueprints.of(task("T2").binding(fromT1), task("T1")));
    assertThat(p.waves()).containsExactly(List.of("T1"), List.of("T2"));
  }

  @Test
  void anExclusiveLockHasOneHolderPerWaveAndOthersRunAlongside() {
    List<ResourceLock> locks = List.of(new ResourceLock("db", LockMode.EXCLUSIVE, 1, 2));
    Plan p =
        plan(
            Blueprints.with(
                null,
                locks,
                task("T1").lock("db", LockMode.EXCLUSIVE),
                task("T2").lock("db", LockMode.EXCLUSIVE),
                task("T3").lock("db", LockMode.EXCLUSIVE),
                task("T4")));
    assertThat(p.waves()).containsExactly(List.of("T1", "T4"), List.of("T2"), List.of("T3"));
  }

  @Test
  void aSharedLockAdmitsUpToMaxHoldersPerWave() {
    List<ResourceLock> locks = List.of(new ResourceLock("api", LockMode.SHARED, 2, 2));
    Task.Builder[] tasks = new Task.Builder[5];
    for (int i = 0; i < 5; i++) {
      tasks[i] = task("T" + (i + 1)).lock("api", LockMode.SHARED);
    }
    Plan p = plan(Blueprints.with(null, locks, tasks));
    assertThat(p.waves()).containsExactly(List.of("T1", "T2"), List.of("T3", "T4"), List.of("T5"));
  }

  @Test
  void anExclusiveUseOfASharedLockWaitsUntilNoOneElseHoldsIt() {
    List<ResourceLock> locks = List.of(new ResourceLock("api", LockMode.SHARED, 3, 2));
    Plan p =
        plan(
            Blueprints.with(
                null,
                locks,
                task("T1").lock("api", LockMode.SHARED),
                task("T2").lock("api", LockMode.EXCLUSIVE),
                task("T3").lock("api", LockMode.SHARED)));
    assertThat(p.waves()).containsExactly(List.of("T1", "T3"), List.of("T2"));
  }

  @Test
  void aLockDeclaredExclusiveStaysExclusiveWhenATaskAsksToShareIt() {
    List<ResourceLock> locks = List.of(new ResourceLock("db", LockMode.EXCLUSIVE, 1, 2));
    Plan p =
        plan(
            Blueprints.with(
                null,
                locks,
                task("T1").lock("db", LockMode.SHARED),
                task("T2").lock("db", LockMode.SHARED)));
    assertThat(p.waves()).containsExactly(List.of("T1"), List.of("T2"));
  }

  @Test
  void anUndeclaredLockIsTreatedAsExclusive() {
    Plan p =
        plan(
            Blueprints.of(
                task("T1").lock("ghost", LockMode.SHARED),
                task("T2").lock("ghost", LockMode.SHARED)));
    assertThat(p.waves()).containsExactly(List.of("T1"), List.of("T2"));
  }

  @Test
  void aTaskNeedingTwoLocksWaitsForBoth() {
    List<ResourceLock> locks =
        List.of(
            new ResourceLock("a", LockMode.EXCLUSIVE, 1, 2),
            new ResourceLock("b", LockMode.EXCLUSIVE, 1, 3));
    Plan p =
        plan(
            Blueprints.with(
                null,
                locks,
                task("T1").lock("b", LockMode.EXCLUSIVE),
                task("T2").lock("a", LockMode.EXCLUSIVE).lock("b", LockMode.EXCLUSIVE),
                task("T3").lock("a", LockMode.EXCLUSIVE)));
    assertThat(p.waves()).containsExactly(List.of("T1", "T3"), List.of("T2"));
  }

  @Test
  void maxParallelTasksSplitsAWaveAndDefersTheRest() {
    Plan p =
        plan(Blueprints.with(2, List.of(), task("T1"), task("T2"), task("T3"), task("T4", "T1")));
    assertThat(p.waves()).containsExactly(List.of("T1", "T2"), List.of("T3", "T4"));
    assertThat(p.maxWidth()).isEqualTo(2);
  }

  @Test
  void theParallelOptionOverridesTheBlueprintLimit() {
    Blueprint b = Blueprints.with(1, List.of(), task("T1"), task("T2"), task("T3"));
    assertThat(Planner.plan(b, new PlanOptions(3, java.util.Set.of())).waves())
        .containsExactly(List.of("T1", "T2", "T3"));
    assertThat(Planner.plan(b, PlanOptions.DEFAULT).waves()).hasSize(3);
  }

  @Test
  void locksComeBeforeTheParallelLimit() {
    List<ResourceLock> locks = List.of(new ResourceLock("db", LockMode.EXCLUSIVE, 1, 2));
    Plan p =
        plan(
            Blueprints.with(
                2,
                locks,
                task("T1").lock("db", LockMode.EXCLUSIVE),
                task("T2").lock("db", LockMode.EXCLUSIVE),
                task("T3")));
    assertThat(p.waves()).containsExactly(List.of("T1", "T3"), List.of("T2"));
  }

  @Test
  void aParallelGroupStaysTogetherWhenTheLimitForcesAChoice() {
    Plan p =
        plan(
            Blueprints.with(
                2,
                List.of(),
                task("T1").parallelGroup("docs"),
                task("T2"),
                task("T3").parallelGroup("docs"),
                task("T4")));
    assertThat(p.waves()).containsExactly(List.of("T1", "T3"), List.of("T2", "T4"));
  }

  @Test
  void aParallelGroupIsOnlyAHintAndYieldsToLocks() {
    List<ResourceLock> locks = List.of(new ResourceLock("db", LockMode.EXCLUSIVE, 1, 2));
    Plan p =
        plan(
            Blueprints.with(
                null,
                locks,
                task("T1").parallelGroup("g").lock("db", LockMode.EXCLUSIVE),
                task("T2").parallelGroup("g").lock("db", LockMode.EXCLUSIVE),
                task("T3")));
    assertThat(p.waves()).containsExactly(List.of("T1", "T3"), List.of("T2"));
  }

  @Test
  void aRepeatedIdIsPlannedOnceFromItsFirstDefinition() {
    Plan p = plan(Blueprints.of(task("T1"), task("T2", "T1"), task("T2")));
    assertThat(p.waves()).containsExactly(List.of("T1"), List.of("T2"));
  }

  @Test
  void anEmptyBlueprintHasAnEmptyPlan() {
    Plan p = plan(Blueprints.of());
    assertThat(p.waves()).isEmpty();
    assertThat(p.criticalPath()).isEmpty();
    assertThat(p.criticalPathLength()).isZero();
    assertThat(p.maxWidth()).isZero();
  }
}
