package dev.blueprint.tools.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.BlueprintReader;
import dev.blueprint.tools.status.TaskRun;
import dev.blueprint.tools.status.TaskState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReadyTasksTest {
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

  // A (complete in the blueprint) -> B -> D; C -> D; E alone
  private static final Blueprint BP =
      BlueprintReader.readString(
          "# Ready — Blueprint\n"
              + task("A", "complete", "")
              + task("B", "not_started", "A")
              + task("C", "not_started", "")
              + task("D", "not_started", "B, C")
              + task("E", "not_started", ""),
          "ready.bp.md");

  private static TaskRun run(String id, TaskState s) {
    return new TaskRun("R", id, s, 0, Instant.EPOCH, null);
  }

  private static List<String> ready(ReadyTasks r) {
    List<String> ids = new ArrayList<>();
    for (Iterator<String> it = r.ready(); it.hasNext(); ) {
      ids.add(it.next());
    }
    return ids;
  }

  private static List<TaskRun> fresh() {
    return List.of(
        run("B", TaskState.PENDING),
        run("C", TaskState.PENDING),
        run("D", TaskState.PENDING),
        run("E", TaskState.PENDING));
  }

  @Test
  void aDependencyCompleteInTheBlueprintHoldsNothingBack() {
    assertThat(ready(ReadyTasks.of(BP, fresh(), Set.of()))).containsExactly("B", "C", "E");
  }

  @Test
  void aDependentBecomesReadyOnlyWhenEveryPrerequisiteLandedOrWasSkipped() {
    ReadyTasks r = ReadyTasks.of(BP, fresh(), Set.of());
    r.update("B", TaskState.RUNNING);
    r.update("C", TaskState.RUNNING);
    assertThat(ready(r)).containsExactly("E");
    r.update("B", TaskState.LANDED);
    assertThat(ready(r)).containsExactly("E");
    r.update("C", TaskState.SKIPPED);
    assertThat(ready(r)).containsExactly("D", "E");
  }

  @Test
  void aFailedPrerequisiteBlocksItsDependentsButAReplacedOneReleasesThem() {
    ReadyTasks r = ReadyTasks.of(BP, fresh(), Set.of());
    r.update("B", TaskState.FAILED);
    r.update("C", TaskState.LANDED);
    assertThat(ready(r)).containsExactly("E");
    r.replaced("B");
    assertThat(ready(r)).containsExactly("D", "E");
  }

  @Test
  void aRetriedTaskIsReadyAgainAndAResumedRunStartsFromTheStoredStates() {
    ReadyTasks r =
        ReadyTasks.of(
            BP,
            List.of(
                run("B", TaskState.LANDED),
                run("C", TaskState.LANDED),
                run("D", TaskState.PENDING),
                run("E", TaskState.RUNNING)),
            Set.of());
    assertThat(ready(r)).containsExactly("D");
    r.update("E", TaskState.PENDING);
    assertThat(ready(r)).containsExactly("D", "E");
  }

  @Test
  void aGatedTaskWaitsUntilAResyncSeesItApproved() {
    ReadyTasks r =
        ReadyTasks.of(
            BP,
            List.of(
                run("B", TaskState.PENDING),
                run("C", TaskState.PENDING),
                run("D", TaskState.PENDING),
                run("E", TaskState.WAITING_HUMAN)),
            Set.of());
    assertThat(r.hasWaitingHuman()).isTrue();
    assertThat(ready(r)).containsExactly("B", "C");
    List<TaskRun> stored = new ArrayList<>(fresh());
    assertThat(r.resync(stored, Set.of())).isTrue();
    assertThat(r.hasWaitingHuman()).isFalse();
    assertThat(ready(r)).containsExactly("B", "C", "E");
    assertThat(r.resync(stored, Set.of())).as("nothing new").isFalse();
  }
}
