package dev.blueprint.tools.dispatch;

import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.Status;
import dev.blueprint.tools.blueprint.Task;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code bp dispatch --tasks T1,T2}: checks a selection of tasks before a run is created. Every
 * named task must exist, and every dependency of a selected task that is not itself selected must
 * already be complete in the blueprint (its {@code status}); otherwise the selected task could
 * never start.
 */
public final class TaskSelection {
  private TaskSelection() {}

  /**
   * Why a selection cannot run.
   *
   * @param code {@code E_UNKNOWN_TASK} or {@code E_DEPENDENCY_NOT_COMPLETE}
   * @param taskId the task the problem is about (the unknown one, or the selected one whose
   *     dependency is missing)
   */
  public static final class Refused extends RuntimeException {
    private final String code;
    private final String taskId;

    Refused(String code, String taskId, String message) {
      super(message);
      this.code = code;
      this.taskId = taskId;
    }

    public String code() {
      return code;
    }

    public String taskId() {
      return taskId;
    }
  }

  /** The selection, when it can run; throws {@link Refused} naming the first problem found. */
  public static Set<String> check(Blueprint bp, Set<String> wanted) {
    if (wanted.isEmpty()) {
      throw new Refused("E_UNKNOWN_TASK", null, "--tasks names no task");
    }
    List<String> unknown = new ArrayList<>();
    for (String id : wanted) {
      if (bp.task(id).isEmpty()) {
        unknown.add(id);
      }
    }
    if (!unknown.isEmpty()) {
      throw new Refused(
          "E_UNKNOWN_TASK",
          unknown.get(0),
          "no task "
              + String.join(", ", unknown.stream().sorted().toList())
              + " in "
              + bp.source());
    }
    Set<String> selected = new LinkedHashSet<>();
    for (Task t : bp.tasks()) {
      if (!wanted.contains(t.id())) {
        continue;
      }
      selected.add(t.id());
      for (String dep : t.prerequisites()) {
        if (wanted.contains(dep)) {
          continue;
        }
        Optional<Task> d = bp.task(dep);
        if (d.isEmpty() || !d.get().status().is(Status.COMPLETE)) {
          throw new Refused(
              "E_DEPENDENCY_NOT_COMPLETE",
              t.id(),
              "task "
                  + t.id()
                  + " depends on "
                  + dep
                  + ", which is not in --tasks and not complete in the blueprint"
                  + d.map(x -> " (status " + x.status().original() + ")").orElse(" (no such task)")
                  + "; add "
                  + dep
                  + " to --tasks or complete it first");
        }
      }
    }
    return selected;
  }
}
