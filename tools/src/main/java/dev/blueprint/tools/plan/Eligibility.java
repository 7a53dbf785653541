package dev.blueprint.tools.plan;

import dev.blueprint.tools.blueprint.HumanGate;
import dev.blueprint.tools.blueprint.Status;
import dev.blueprint.tools.blueprint.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decides which tasks a plan may schedule and, for the rest, why not. A task's own state wins
 * (complete, skipped, blocked, human_required), then the graph (in_cycle, missing_dependency), then
 * what it waits on (depends_on_unscheduled, spread downstream breadth first without recursion).
 * Done tasks (status complete, or done in the run) count as finished for their dependents.
 */
final class Eligibility {
  private static final int DETAIL_NAMES = 5;

  final boolean[] done;

  /** Why each task is not scheduled; null for tasks the plan schedules. */
  final String[] reason;

  final String[] detail;

  Eligibility(TaskGraph g, Set<String> doneInRun) {
    int n = g.size();
    done = new boolean[n];
    reason = new String[n];
    detail = new String[n];
    for (int i = 0; i < n; i++) {
      Task t = g.tasks[i];
      if (t.status().is(Status.COMPLETE)) {
        set(i, Unscheduled.COMPLETE, "status " + t.status().original());
        done[i] = true;
      } else if (doneInRun.contains(t.id())) {
        set(i, Unscheduled.COMPLETE, "done in this run");
        done[i] = true;
      } else if (t.status().is(Status.SKIPPED)) {
        set(i, Unscheduled.SKIPPED, "status " + t.status().original());
      } else if (t.status().is(Status.BLOCKED)) {
        set(i, Unscheduled.BLOCKED, "status " + t.status().original());
      } else if (t.humanRequired() != null) {
        set(i, Unscheduled.HUMAN_REQUIRED, gateDetail(t.humanRequired()));
      }
    }
    for (List<Integer> cycle : g.cycles()) {
      for (int i : cycle) {
        if (reason[i] == null) {
          set(i, Unscheduled.IN_CYCLE, cycleDetail(g, i, cycle));
        }
      }
    }
    for (int i = 0; i < n; i++) {
      if (reason[i] == null && g.missing[i] != null) {
        set(
            i,
            Unscheduled.MISSING_DEPENDENCY,
            "depends on missing " + String.join(", ", g.missing[i]));
      }
    }
    spreadDownstream(g);
  }

  boolean schedulable(int rank) {
    return reason[rank] == null;
  }

  private void set(int rank, String why, String text) {
    reason[rank] = why;
    detail[rank] = text;
  }

  private void spreadDownstream(TaskGraph g) {
    int n = g.size();
    int[] queue = new int[n];
    int tail = 0;
    for (int i = 0; i < n; i++) {
      if (reason[i] != null && !done[i]) {
        queue[tail++] = i;
      }
    }
    for (int head = 0; head < tail; head++) {
      for (int d : g.dependents[queue[head]]) {
        if (reason[d] == null) {
          reason[d] = Unscheduled.DEPENDS_ON_UNSCHEDULED;
          queue[tail++] = d;
        }
      }
    }
    for (int i = 0; i < n; i++) {
      if (Unscheduled.DEPENDS_ON_UNSCHEDULED.equals(reason[i])) {
        List<String> on = new ArrayList<>();
        for (int p : g.prerequisites[i]) {
          if (reason[p] != null && !done[p]) {
            on.add(g.id(p) + " (" + reason[p] + ")");
          }
        }
        detail[i] = "waits on " + names(on);
      }
    }
  }

  private static String gateDetail(HumanGate gate) {
    String what = gate.action() != null ? gate.action() : gate.reason();
    return what == null || what.isBlank() ? "waits for a person" : "waits for a person: " + what;
  }

  /** Names up to a few other members; linear in the cycle's size, however long it is. */
  private static String cycleDetail(TaskGraph g, int self, List<Integer> cycle) {
    if (cycle.size() == 1) {
      return "depends on itself";
    }
    List<String> others = new ArrayList<>();
    for (int k = 0; k < cycle.size() && others.size() < DETAIL_NAMES; k++) {
      if (cycle.get(k) != self) {
        others.add(g.id(cycle.get(k)));
      }
    }
    int more = cycle.size() - 1 - others.size();
    return "in a cycle with "
        + String.join(", ", others)
        + (more > 0 ? " and " + more + " more" : "");
  }

  private static String names(List<String> items) {
    if (items.size() <= DETAIL_NAMES) {
      return String.join(", ", items);
    }
    return String.join(", ", items.subList(0, DETAIL_NAMES))
        + " and "
        + (items.size() - DETAIL_NAMES)
        + " more";
  }
}
