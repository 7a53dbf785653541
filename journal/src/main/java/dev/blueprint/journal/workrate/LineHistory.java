package dev.blueprint.journal.workrate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state of the line tracker at one commit: every commit seen so far (its position in {@link
 * #commits} is its origin number) and, for every tracked file at {@link #head}, the origin of each
 * of its lines. This is what the cache stores, so a later run resumes from here.
 */
final class LineHistory {
  final List<CommitFacts> commits = new ArrayList<>();
  final Map<String, Integer> indexBySha = new HashMap<>();
  Map<String, int[]> origins = new HashMap<>();
  String head;

  /** How many of {@link #commits} are already in the cache. */
  int storedCommits;

  /** Paths written or deleted since the history was loaded or created (what the cache rewrites). */
  final Set<String> touchedPaths = new HashSet<>();

  int add(CommitFacts facts) {
    int index = commits.size();
    commits.add(facts);
    indexBySha.put(facts.sha(), index);
    return index;
  }

  /** Lines at {@link #head} per origin commit index. */
  int[] survivingPerCommit() {
    int[] alive = new int[commits.size()];
    for (int[] lines : origins.values()) {
      for (int origin : lines) {
        alive[origin]++;
      }
    }
    return alive;
  }
}
