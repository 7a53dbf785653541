package dev.blueprint.tools.blueprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TaskIdsTest {
  private static final List<Task> TASKS =
      List.of(
          Task.builder("A").build(),
          Task.builder("B").dependsOn("A", "ghost").build(),
          Task.builder("A").dependsOn("B").build(),
          Task.builder("C")
              .dependsOn("B", "A", "B")
              .binding(new Binding("in", "A", "out", null, true, null, null, null, 3))
              .build());

  @Test
  void repeatedIdsNameTheirFirstTask() {
    TaskIds ids = TaskIds.of(TASKS);
    assertThat(ids.indexOf("A")).isZero();
    assertThat(ids.isFirst(0)).isTrue();
    assertThat(ids.isFirst(2)).isFalse();
    assertThat(ids.indexOf("nope")).isEqualTo(-1);
    assertThat(ids.indexOf(null)).isEqualTo(-1);
    assertThat(ids.contains("C")).isTrue();
  }

  @Test
  void prerequisitesArePositionsInOrderWithoutRepeatsAndUnknownIdsAreFlagged() {
    TaskIds ids = TaskIds.of(TASKS);
    assertThat(ids.prerequisites(0)).isEmpty();
    assertThat(ids.prerequisites(1)).containsExactly(0);
    assertThat(ids.hasUnknownPrerequisite(1)).isTrue();
    assertThat(ids.prerequisites(2)).containsExactly(1);
    assertThat(ids.prerequisites(3)).containsExactly(1, 0);
    assertThat(ids.hasUnknownPrerequisite(3)).isFalse();
  }

  @Test
  void theSameListGivesTheSameIndexAndAnotherListItsOwn() {
    TaskIds first = TaskIds.of(TASKS);
    assertThat(TaskIds.of(TASKS)).isSameAs(first);
    List<Task> other = List.of(Task.builder("Z").build());
    TaskIds second = TaskIds.of(other);
    assertThat(second).isNotSameAs(first);
    assertThat(second.indexOf("A")).isEqualTo(-1);
    assertThat(second.indexOf("Z")).isZero();
  }
}
