package dev.blueprint.tools.plan;

import dev.blueprint.tools.blueprint.ExecutionConfig;
import dev.blueprint.tools.blueprint.LockMode;
import dev.blueprint.tools.blueprint.LockUse;
import dev.blueprint.tools.blueprint.ResourceLock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The resource locks of one plan and who holds them in the wave being built. An exclusive use needs
 * the lock free; a shared use needs it not held exclusively and fewer holders than its capacity. A
 * lock declared exclusive has capacity 1 whatever mode a task asks for; a shared lock has its
 * {@code max_holders} (unlimited when not positive). A lock a task names but the blueprint does not
 * declare gets capacity 1: the validator reports it, and the plan stays on the safe side.
 */
final class LockTable {
  private static final int[] NONE = {};
  private static final boolean[] NO_USES = {};

  /** Per task rank: the ids of the locks it takes (sorted), and whether each use is exclusive. */
  final int[][] locksOf;

  final boolean[][] exclusiveUse;
  private final int[] capacity;
  private final int[] holders;
  private final boolean[] heldExclusively;

  LockTable(TaskGraph g, ExecutionConfig execution) {
    Map<String, ResourceLock> declared = new HashMap<>();
    if (execution != null) {
      for (ResourceLock l : execution.resourceLocks()) {
        declared.putIfAbsent(l.name(), l);
      }
    }
    Map<String, Integer> lockIds = new HashMap<>();
    int n = g.size();
    locksOf = new int[n][];
    exclusiveUse = new boolean[n][];
    for (int i = 0; i < n; i++) {
      if (g.tasks[i].locks().isEmpty()) {
        locksOf[i] = NONE;
        exclusiveUse[i] = NO_USES;
        continue;
      }
      // One entry per lock name; an exclusive use wins over a shared one of the same lock.
      TreeMap<Integer, Boolean> uses = new TreeMap<>();
      for (LockUse use : g.tasks[i].locks()) {
        if (use.name() == null) {
          continue;
        }
        int id = lockIds.computeIfAbsent(use.name(), k -> lockIds.size());
        ResourceLock decl = declared.get(use.name());
        boolean exclusive =
            use.mode() == LockMode.EXCLUSIVE
                || (use.mode() == null && (decl == null || decl.mode() != LockMode.SHARED));
        uses.merge(id, exclusive, Boolean::logicalOr);
      }
      locksOf[i] = uses.keySet().stream().mapToInt(Integer::intValue).toArray();
      exclusiveUse[i] = new boolean[locksOf[i].length];
      int k = 0;
      for (boolean e : uses.values()) {
        exclusiveUse[i][k++] = e;
      }
    }
    capacity = new int[lockIds.size()];
    lockIds.forEach((name, id) -> capacity[id] = capacityOf(declared.get(name)));
    holders = new int[capacity.length];
    heldExclusively = new boolean[capacity.length];
  }

  private static int capacityOf(ResourceLock decl) {
    if (decl == null || decl.mode() != LockMode.SHARED) {
      return 1;
    }
    return decl.maxHolders() > 0 ? decl.maxHolders() : Integer.MAX_VALUE;
  }

  int lockCount() {
    return capacity.length;
  }

  /** Every lock is released between waves: a wave's tasks all finish before the next starts. */
  void releaseAll() {
    Arrays.fill(holders, 0);
    Arrays.fill(heldExclusively, false);
  }

  /** Whether no further task that takes this lock, in any mode, can join the wave. */
  boolean saturated(int lock) {
    return heldExclusively[lock] || holders[lock] >= capacity[lock];
  }

  boolean fits(int rank) {
    int[] locks = locksOf[rank];
    for (int k = 0; k < locks.length; k++) {
      int l = locks[k];
      if (exclusiveUse[rank][k] ? holders[l] > 0 : saturated(l)) {
        return false;
      }
    }
    return true;
  }

  void take(int rank) {
    int[] locks = locksOf[rank];
    for (int k = 0; k < locks.length; k++) {
      holders[locks[k]]++;
      if (exclusiveUse[rank][k]) {
        heldExclusively[locks[k]] = true;
      }
    }
  }
}
