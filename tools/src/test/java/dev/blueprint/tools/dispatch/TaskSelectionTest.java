package dev.blueprint.tools.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.BlueprintReader;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TaskSelectionTest {
  private static String task(String id, String status, String deps) {
    return """

        ### %s: Task %s

        ```yaml
        task_id: %s
        name: "Task %s"
        status: %s
        dependencies: [%s]
        command: "true"
        ```
        """
        .formatted(id, id, id, id, status, deps);
  }

  private static Blueprint blueprint(String t1Status) {
    return BlueprintReader.readString(
        "# Pick — Blueprint\n"
            + task("T1", t1Status, "")
            + task("T2", "not_started", "T1")
            + task("T3", "not_started", "T2"),
        "pick.bp.md");
  }

  @Test
  void acceptsTasksWhoseDependenciesAreSelectedToo() {
    assertThat(TaskSelection.check(blueprint("not_started"), Set.of("T3", "T2", "T1")))
        .containsExactly("T1", "T2", "T3");
  }

  @Test
  void acceptsADependencyOutsideTheSelectionThatIsCompleteInTheBlueprint() {
    assertThat(TaskSelection.check(blueprint("complete"), Set.of("T2"))).containsExactly("T2");
  }

  @Test
  void refusesADependencyOutsideTheSelectionThatIsNotCompleteAndNamesIt() {
    assertThatThrownBy(() -> TaskSelection.check(blueprint("not_started"), Set.of("T2", "T3")))
        .isInstanceOfSatisfying(
            TaskSelection.Refused.class,
            e -> {
              assertThat(e.code()).isEqualTo("E_DEPENDENCY_NOT_COMPLETE");
              assertThat(e.taskId()).isEqualTo("T2");
              assertThat(e.getMessage())
                  .contains("T2 depends on T1", "status not_started", "add T1 to --tasks");
            });
  }

  @Test
  void refusesUnknownTasksAndNamesEveryOne() {
    assertThatThrownBy(() -> TaskSelection.check(blueprint("complete"), Set.of("T2", "T9", "X")))
        .isInstanceOfSatisfying(
            TaskSelection.Refused.class,
            e -> {
              assertThat(e.code()).isEqualTo("E_UNKNOWN_TASK");
              assertThat(e.getMessage()).contains("no task T9, X", "pick.bp.md");
            });
  }
}
