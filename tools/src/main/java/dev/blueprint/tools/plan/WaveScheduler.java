package dev.blueprint.tools.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;

/**
 * Splits the schedulable tasks into waves. A wave holds tasks whose prerequisites are all done,
 * taken in natural id order while they fit: an exclusive lock has one holder per wave, a shared
 * lock up to its capacity, and a wave has at most {@code maxParallel} tasks. When a task of a
 * {@code parallel_group} is taken, the group's other ready members are taken right after it (while
 * they fit), so a group stays together rather than being cut by the parallel limit. A task a limit
 * defers waits for a later wave.
 *
 * <p>Ready tasks sit in buckets: one for tasks without locks and one per lock (a task goes in the
 * bucket of its first lock). A wave merges the buckets in natural order and drops a bucket as soon
 * as its lock is saturated, so a long queue behind one lock costs nothing per wave.
 */
final class WaveScheduler {
  private final TaskGraph g;
  private final Eligibility eligibility;
  private final LockTable locks;
  private final int maxParallel;
  private final TreeSet<Integer>[] buckets;
  private final Map<String, TreeSet<Integer>> groupReady = new HashMap<>();
  private final boolean[] taken;

  @SuppressWarnings("unchecked")
  WaveScheduler(TaskGraph g, Eligibility eligibility, LockTable locks, int maxParallel) {
    this.g = g;
    this.eligibility = eligibility;
    this.locks = locks;
    this.maxParallel = maxParallel;
    buckets = new TreeSet[locks.lockCount() + 1];
    for (int b = 0; b < buckets.length; b++) {
      buckets[b] = new TreeSet<>();
    }
    taken = new boolean[g.size()];
  }

  /** The waves, each a list of task ranks in the order they were taken. */
  List<int[]> waves() {
    int n = g.size();
    int[] waiting = new int[n];
    for (int i = 0; i < n; i++) {
      if (!eligibility.schedulable(i)) {
        continue;
      }
      for (int p : g.prerequisites[i]) {
        if (!eligibility.done[p]) {
          waiting[i]++;
        }
      }
      if (waiting[i] == 0) {
        makeReady(i);
      }
    }
    List<int[]> waves = new ArrayList<>();
    while (true) {
      int[] wave = nextWave();
      if (wave.length == 0) {
        return waves;
      }
      waves.add(wave);
      for (int t : wave) {
        for (int d : g.dependents[t]) {
          if (eligibility.schedulable(d) && --waiting[d] == 0) {
            makeReady(d);
          }
        }
      }
    }
  }

  private void makeReady(int rank) {
    bucketOf(rank).add(rank);
    String group = g.tasks[rank].parallelGroup();
    if (group != null) {
      groupReady.computeIfAbsent(group, k -> new TreeSet<>()).add(rank);
    }
  }

  private TreeSet<Integer> bucketOf(int rank) {
    int[] l = locks.locksOf[rank];
    return buckets[l.length == 0 ? 0 : l[0] + 1];
  }

  private int[] nextWave() {
    locks.releaseAll();
    List<Integer> wave = new ArrayList<>();
    // Cursor per bucket, encoded as rank << 32 | bucket so the queue orders by rank.
    PriorityQueue<Long> cursors = new PriorityQueue<>();
    for (int b = 0; b < buckets.length; b++) {
      if (!buckets[b].isEmpty()) {
        cursors.add(((long) buckets[b].first() << 32) | b);
      }
    }
    Set<String> groupsPulled = new HashSet<>();
    while (!cursors.isEmpty() && wave.size() < maxParallel) {
      long c = cursors.poll();
      int rank = (int) (c >>> 32);
      int b = (int) c;
      if (!taken[rank] && locks.fits(rank)) {
        take(rank, wave);
        String group = g.tasks[rank].parallelGroup();
        if (group != null && groupsPulled.add(group)) {
          pullGroup(group, wave);
        }
      }
      if (b > 0 && locks.saturated(b - 1)) {
        continue;
      }
      Integer next = buckets[b].higher(rank);
      if (next != null) {
        cursors.add(((long) next << 32) | b);
      }
    }
    int[] result = new int[wave.size()];
    for (int k = 0; k < result.length; k++) {
      int rank = wave.get(k);
      result[k] = rank;
      taken[rank] = false;
      bucketOf(rank).remove(rank);
      String group = g.tasks[rank].parallelGroup();
      if (group != null) {
        groupReady.get(group).remove(rank);
      }
    }
    return result;
  }

  private void pullGroup(String group, List<Integer> wave) {
    for (int member : groupReady.get(group)) {
      if (wave.size() >= maxParallel) {
        return;
      }
      if (!taken[member] && locks.fits(member)) {
        take(member, wave);
      }
    }
  }

  private void take(int rank, List<Integer> wave) {
    taken[rank] = true;
    locks.take(rank);
    wave.add(rank);
  }
}
