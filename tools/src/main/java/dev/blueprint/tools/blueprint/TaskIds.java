package dev.blueprint.tools.blueprint;

import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Set;

/**
 * One index from task id to the task's position in document order, and each task's prerequisites as
 * positions, built once per task list and shared by every graph pass (the validator's dependency,
 * cycle and port rules, the planner). Each of those passes used to hash all 100k ids and 300k
 * prerequisite ids again into its own {@code HashMap}; those lookups, which miss the CPU cache on
 * large blueprints, were the largest part of validating and planning.
 *
 * <p>When an id repeats, it names its first task (the validator reports the duplicate). The index
 * of the list a caller last asked about is kept, so a validate-then-plan sequence over the same
 * blueprint builds it once; the list itself is held only weakly and the index holds no task, so the
 * cache never keeps a blueprint alive. Instances are immutable and safe to share between threads.
 */
public final class TaskIds {
  private static final int[] NONE = new int[0];

  /** The last index built, keyed by the identity of its (immutable) task list. */
  private static volatile Cached last;

  private record Cached(WeakReference<List<Task>> tasks, TaskIds ids) {}

  private final String[] slots;

  /**
   * Each slot's id hash, next to the slot: a probe that passes another id compares two ints rather
   * than reading that id's string (a cache miss on large blueprints).
   */
  private final int[] hashes;

  private final int[] positions;
  private final int[][] prerequisites;
  private final boolean[] unknownPrerequisite;
  private final boolean[] first;

  private TaskIds(List<Task> tasks) {
    int n = tasks.size();
    int capacity = Integer.highestOneBit(Math.max(2, n) * 2 - 1) << 1;
    slots = new String[capacity];
    hashes = new int[capacity];
    positions = new int[capacity];
    first = new boolean[n];
    for (int i = 0; i < n; i++) {
      String id = tasks.get(i).id();
      int s = slot(id);
      if (slots[s] == null) {
        slots[s] = id;
        hashes[s] = id.hashCode();
        positions[s] = i;
        first[i] = true;
      }
    }
    prerequisites = new int[n][];
    unknownPrerequisite = new boolean[n];
    for (int i = 0; i < n; i++) {
      Set<String> pre = tasks.get(i).prerequisites();
      if (pre.isEmpty()) {
        prerequisites[i] = NONE;
        continue;
      }
      int[] e = new int[pre.size()];
      int k = 0;
      for (String p : pre) {
        int j = indexOf(p);
        if (j >= 0) {
          e[k++] = j;
        } else {
          unknownPrerequisite[i] = true;
        }
      }
      prerequisites[i] = k == e.length ? e : java.util.Arrays.copyOf(e, k);
    }
  }

  /** The index of {@code tasks}, built or taken from the last call with the same list. */
  public static TaskIds of(List<Task> tasks) {
    Cached c = last;
    if (c != null && c.tasks().get() == tasks) {
      return c.ids();
    }
    // Built under a lock: `bp plan` validates and plans at once, and both ask for the same
    // list's index at the start; the second waits for the first's rather than building its own.
    synchronized (TaskIds.class) {
      c = last;
      if (c != null && c.tasks().get() == tasks) {
        return c.ids();
      }
      TaskIds ids = new TaskIds(tasks);
      last = new Cached(new WeakReference<>(tasks), ids);
      return ids;
    }
  }

  private int slot(String id) {
    int mask = slots.length - 1;
    int h = id.hashCode();
    int i = (h ^ (h >>> 16)) & mask;
    while (slots[i] != null && (hashes[i] != h || !slots[i].equals(id))) {
      i = (i + 1) & mask;
    }
    return i;
  }

  /** The position of the first task with {@code id}, or -1 when no task has it. */
  public int indexOf(String id) {
    if (id == null) {
      return -1;
    }
    int s = slot(id);
    return slots[s] == null ? -1 : positions[s];
  }

  /** Whether some task has {@code id}. */
  public boolean contains(String id) {
    return indexOf(id) >= 0;
  }

  /** Whether the task at {@code position} is the first with its id (the one that counts). */
  public boolean isFirst(int position) {
    return first[position];
  }

  /**
   * The positions of the tasks that the task at {@code position} waits for ({@link
   * Task#prerequisites()} in order, ids that name no task left out). Do not modify.
   */
  public int[] prerequisites(int position) {
    return prerequisites[position];
  }

  /** Whether a prerequisite of the task at {@code position} names no task. */
  public boolean hasUnknownPrerequisite(int position) {
    return unknownPrerequisite[position];
  }
}
