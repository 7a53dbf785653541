package dev.blueprint.tools.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.ExecutionConfig;
import dev.blueprint.tools.blueprint.Task;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Graphs deep enough that any recursion over them would overflow the default stack. */
class DeepGraphTest {
  private static final int N = 100_000;

  private static Blueprint chain(boolean closeTheRing) {
    List<Task> tasks = new ArrayList<>(N);
    for (int i = 1; i <= N; i++) {
      Task.Builder b = Task.builder("T" + i);
      if (i > 1) {
        b.dependsOn("T" + (i - 1));
      } else if (closeTheRing) {
        b.dependsOn("T" + N);
      }
      tasks.add(b.build());
    }
    return Blueprint.of("chain", ExecutionConfig.empty(), tasks);
  }

  @Test
  void aChainOfOneHundredThousandTasksPlansOneTaskPerWave() {
    Plan p = Planner.plan(chain(false), PlanOptions.DEFAULT);
    assertThat(p.waves()).hasSize(N);
    assertThat(p.waves().get(N - 1)).containsExactly("T" + N);
    assertThat(p.criticalPath()).hasSize(N).startsWith("T1").endsWith("T" + N);
    assertThat(p.criticalPathLength()).isEqualTo(N);
    assertThat(p.maxWidth()).isEqualTo(1);
  }

  @Test
  void aRingOfOneHundredThousandTasksIsOneCycle() {
    Plan p = Planner.plan(chain(true), PlanOptions.DEFAULT);
    assertThat(p.waves()).isEmpty();
    assertThat(p.unscheduled()).hasSize(N).allMatch(u -> u.reason().equals("in_cycle"));
    assertThat(p.unscheduled().get(0).detail())
        .isEqualTo("in a cycle with T2, T3, T4, T5, T6 and 99994 more");
  }

  @Test
  void aChainBehindABlockedTaskIsReportedWholeWithoutRecursion() {
    Blueprint b = chain(false);
    List<Task> tasks = new ArrayList<>(b.tasks());
    tasks.set(0, Task.builder("T1").status(dev.blueprint.tools.blueprint.Status.BLOCKED).build());
    Plan p =
        Planner.plan(Blueprint.of("chain", ExecutionConfig.empty(), tasks), PlanOptions.DEFAULT);
    assertThat(p.waves()).isEmpty();
    assertThat(p.unscheduled()).hasSize(N);
    assertThat(Planner.ready(b, java.util.Set.of("T1"), java.util.Set.of())).containsExactly("T2");
  }
}
