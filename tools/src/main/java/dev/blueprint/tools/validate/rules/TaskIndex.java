package dev.blueprint.tools.validate.rules;

import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.Task;
import dev.blueprint.tools.blueprint.TaskIds;
import java.util.List;

/**
 * Tasks by id (the first task when an id repeats, through the shared {@link TaskIds}), and helpers
 * shared by the rules.
 */
final class TaskIndex {
  private final TaskIds ids;
  private final List<Task> tasks;

  private TaskIndex(List<Task> tasks) {
    this.tasks = tasks;
    this.ids = TaskIds.of(tasks);
  }

  static TaskIndex of(Blueprint b) {
    return new TaskIndex(b.tasks());
  }

  /** The shared id index this reads from. */
  TaskIds ids() {
    return ids;
  }

  boolean has(String id) {
    return ids.contains(id);
  }

  Task get(String id) {
    int i = ids.indexOf(id);
    return i < 0 ? null : tasks.get(i);
  }

  /** The closest existing id by edit distance, for "did you mean"; null when none is close. */
  String closest(String id) {
    if (id == null || tasks.size() > 5_000) {
      return null;
    }
    String best = null;
    int bestDistance = Math.max(2, id.length() / 3) + 1;
    for (Task t : tasks) {
      int d = distance(id, t.id(), bestDistance);
      if (d < bestDistance) {
        bestDistance = d;
        best = t.id();
      }
    }
    return best;
  }

  private static int distance(String a, String b, int cap) {
    if (Math.abs(a.length() - b.length()) >= cap) {
      return cap;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /** The line of a field, or of its nearest enclosing field, or of the task. */
  static int lineOf(Task t, String pointer) {
    String p = pointer;
    while (!p.isEmpty()) {
      Integer l = t.fieldLines().get(p);
      if (l != null) {
        return l;
      }
      int slash = p.lastIndexOf('/');
      p = slash <= 0 ? "" : p.substring(0, slash);
    }
    return t.line();
  }

  /** "T1.2" or "task at line 40" when the id is blank. */
  static String name(Task t) {
    return t.id().isBlank() ? "task at line " + t.line() : t.id();
  }

  /** Whether the task was read from a document (field presence can be judged) or built in code. */
  static boolean fromDocument(Task t) {
    return t.raw() != null && !t.raw().isEmpty();
  }
}
