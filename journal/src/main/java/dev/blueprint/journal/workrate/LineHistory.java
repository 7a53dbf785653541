package dev.blueprint.journal.workrate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state of the line tracker at one commit: every commit seen so far (its position in {@link
 * #commits} is its origin number) and, for every tracked file at {@link #head}, the origin of each
 * of its lines. This is what the cache stores, so a later run resumes from here.
 *
 * <p>A history loaded from the cache holds the origins of only the files that new commits touch
 * ({@link #loadedAtHead}), plus the surviving line count of every commit at the cached head ({@link
 * #cachedAlive}): the counts at the new head are the cached ones minus what the touched files held
 * and plus what they hold now, so the other files are never read.
 */
final class LineHistory {
  final List<CommitFacts> commits = new ArrayList<>();
  final Map<String, Integer> indexBySha = new HashMap<>();

  /** Origins of the tracked files at {@link #head}: all of them, or only the loaded ones. */
  Map<String, int[]> origins = new HashMap<>();

  String head;

  /** The head the cache held when this history was loaded from it (null when built from root). */
  String cachedHead;

  /** How many of {@link #commits} are already in the cache. */
  int storedCommits;

  /**
   * Lines alive at the cached head per commit, over every file; null when {@link #origins} holds
   * every file (a history built from the root).
   */
  int[] cachedAlive;

  /**
   * The origins, as cached, of the files loaded for new commits (empty when nothing was loaded).
   */
  Map<String, int[]> loadedAtHead = Map.of();

  /** Paths written or deleted since the history was loaded or created (what the cache rewrites). */
  final Set<String> touchedPaths = new HashSet<>();

  int add(CommitFacts facts) {
    int index = commits.size();
    commits.add(facts);
    indexBySha.put(facts.sha(), index);
    return index;
  }

  /** Whether {@link #origins} holds only some files (the rest are unchanged in the cache). */
  boolean partial() {
    return cachedAlive != null;
  }

  /** Puts the cached origins of the files new commits touch in place, before they are applied. */
  void loadOrigins(Map<String, int[]> cached) {
    loadedAtHead = Map.copyOf(cached);
    // Arrays are never changed in place, so the tracker may share them with the snapshot.
    origins = new HashMap<>(cached);
  }

  /** Lines at {@link #head} per origin commit index. */
  int[] survivingPerCommit() {
    if (cachedAlive == null) {
      int[] alive = new int[commits.size()];
      count(origins.values(), alive, 1);
      return alive;
    }
    int[] alive = Arrays.copyOf(cachedAlive, commits.size());
    count(loadedAtHead.values(), alive, -1);
    count(origins.values(), alive, 1);
    return alive;
  }

  private static void count(Iterable<int[]> files, int[] alive, int sign) {
    for (int[] lines : files) {
      for (int origin : lines) {
        alive[origin] += sign;
      }
    }
  }
}
