package dev.blueprint.tools.dispatch;

import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.Status;
import dev.blueprint.tools.blueprint.Task;
import dev.blueprint.tools.status.TaskRun;
import dev.blueprint.tools.status.TaskState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The coordinator's in-memory view of a run: each task's state, how many of its prerequisites have
 * not finished yet, and the ready set (pending tasks whose prerequisites all finished), in the
 * run's order. It is kept up to date one task at a time as tasks settle, so choosing what to start
 * costs O(started + passed over) instead of re-reading and re-planning the whole run on every
 * wake-up. The run store stays the durable record; this view is rebuilt from it when a run resumes.
 *
 * <p>A prerequisite counts as finished when it landed or was skipped in the run, when a landed
 * fallback replaced it, or when the blueprint marks it complete. Used by one thread only.
 */
final class ReadyTasks {
  private final List<String> order = new ArrayList<>();
  private final Map<String, Integer> ordinal = new HashMap<>();
  private final Map<String, TaskState> states = new LinkedHashMap<>();
  private final Map<String, Integer> unfinished = new HashMap<>();
  private final Map<String, List<String>> dependents = new HashMap<>();
  private final Set<String> finished = new HashSet<>();
  private final TreeSet<Integer> ready = new TreeSet<>();
  private int waitingHuman;

  private ReadyTasks() {}

  /** The view of a run's tasks (in the store's order) against the blueprint they came from. */
  static ReadyTasks of(Blueprint bp, List<TaskRun> runTasks, Set<String> replaced) {
    ReadyTasks r = new ReadyTasks();
    for (TaskRun t : runTasks) {
      r.ordinal.put(t.taskId(), r.order.size());
      r.order.add(t.taskId());
      r.states.put(t.taskId(), t.state());
      if (t.state() == TaskState.WAITING_HUMAN) {
        r.waitingHuman++;
      }
    }
    for (String id : r.order) {
      int count = 0;
      for (String p : bp.task(id).map(Task::prerequisites).orElse(Set.of())) {
        boolean doneInBlueprint =
            bp.task(p).map(pt -> pt.status().is(Status.COMPLETE)).orElse(false);
        if (!doneInBlueprint) {
          count++;
          r.dependents.computeIfAbsent(p, k -> new ArrayList<>()).add(id);
        }
      }
      r.unfinished.put(id, count);
    }
    for (String id : r.order) {
      TaskState s = r.states.get(id);
      if (s == TaskState.LANDED || s == TaskState.SKIPPED || replaced.contains(id)) {
        r.finish(id);
      }
    }
    for (String id : r.order) {
      r.refresh(id);
    }
    return r;
  }

  /** Every task's state as this view knows it, in the run's order. Read only. */
  Map<String, TaskState> states() {
    return Collections.unmodifiableMap(states);
  }

  TaskState state(String id) {
    return states.get(id);
  }

  /** Pending tasks whose prerequisites all finished, in the run's order. */
  Iterator<String> ready() {
    Iterator<Integer> it = ready.iterator();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public String next() {
        return order.get(it.next());
      }
    };
  }

  boolean hasWaitingHuman() {
    return waitingHuman > 0;
  }

  /** Records a task's new state; dependents of a task that landed or was skipped move on. */
  void update(String id, TaskState state) {
    TaskState before = states.get(id);
    if (before == null || before == state) {
      return;
    }
    if (before == TaskState.WAITING_HUMAN) {
      waitingHuman--;
    }
    if (state == TaskState.WAITING_HUMAN) {
      waitingHuman++;
    }
    states.put(id, state);
    if (state == TaskState.LANDED || state == TaskState.SKIPPED) {
      finish(id);
    }
    refresh(id);
  }

  /** A landed fallback replaced this task: its dependents no longer wait for it. */
  void replaced(String id) {
    finish(id);
  }

  /**
   * Takes every state from the store again (after changes the coordinator did not make itself: an
   * approval by another process, a fallback's settlement). Returns true when anything changed.
   */
  boolean resync(List<TaskRun> runTasks, Set<String> replaced) {
    boolean changed = false;
    for (TaskRun t : runTasks) {
      if (states.get(t.taskId()) != t.state()) {
        update(t.taskId(), t.state());
        changed = true;
      }
    }
    for (String id : replaced) {
      if (states.containsKey(id) && !finished.contains(id)) {
        finish(id);
        changed = true;
      }
    }
    return changed;
  }

  private void finish(String id) {
    if (!finished.add(id)) {
      return;
    }
    for (String d : dependents.getOrDefault(id, List.of())) {
      if (unfinished.containsKey(d)) {
        unfinished.merge(d, -1, Integer::sum);
        refresh(d);
      }
    }
  }

  private void refresh(String id) {
    Integer rank = ordinal.get(id);
    if (rank == null) {
      return;
    }
    if (states.get(id) == TaskState.PENDING && unfinished.get(id) == 0) {
      ready.add(rank);
    } else {
      ready.remove(rank);
    }
  }
}
