package dev.blueprint.journal.workrate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;

/** Which commits the line tracker must process, in an order where parents come first. */
final class CommitRange {
  private CommitRange() {}

  /**
   * The commits after {@code cachedHead} up to {@code newHead}, in an order where every commit
   * comes after its parents; null when the cached state cannot be resumed (its head is gone, is not
   * an ancestor, or a new commit has a parent outside the range).
   */
  static List<RevCommit> resumable(
      Repository repo, RevWalk walk, String cachedHead, ObjectId newHead) throws IOException {
    ObjectId old = ObjectId.fromString(cachedHead);
    if (!repo.getObjectDatabase().has(old)) {
      return null;
    }
    try (RevWalk ancestry = new RevWalk(repo)) {
      if (!ancestry.isMergedInto(ancestry.parseCommit(old), ancestry.parseCommit(newHead))) {
        return null;
      }
    }
    RevCommit oldCommit = walk.parseCommit(old);
    List<RevCommit> linear = linearRange(walk, newHead, oldCommit);
    if (linear != null) {
      return linear;
    }
    List<RevCommit> range = from(walk, newHead, oldCommit);
    Set<ObjectId> known = new HashSet<>(range);
    known.add(old);
    for (RevCommit c : range) {
      for (RevCommit p : c.getParents()) {
        if (!known.contains(p)) {
          return null;
        }
      }
    }
    return range;
  }

  /**
   * The commits after {@code old} up to {@code head}, oldest first, when they form one chain of
   * single-parent commits (the commit queue's linear landings): the only topological order, found
   * by following parents. A TOPO-sorted RevWalk gives the same list but explores far more of the
   * graph first (42 % of an incremental report after 50 commits on a 5,000-commit history). Null
   * when a merge or a root is on the way; {@code old} must be an ancestor of {@code head}.
   */
  private static List<RevCommit> linearRange(RevWalk walk, ObjectId head, RevCommit old)
      throws IOException {
    List<RevCommit> chain = new ArrayList<>();
    RevCommit c = walk.parseCommit(head);
    while (!c.equals(old)) {
      if (c.getParentCount() != 1) {
        return null;
      }
      chain.add(c);
      c = walk.parseCommit(c.getParent(0));
    }
    Collections.reverse(chain);
    return chain;
  }

  /** Every commit reachable from {@code head} and not from {@code stop}, parents first. */
  static List<RevCommit> from(RevWalk walk, ObjectId head, RevCommit stop) throws IOException {
    walk.sort(RevSort.TOPO, true);
    walk.sort(RevSort.REVERSE, true);
    walk.markStart(walk.parseCommit(head));
    if (stop != null) {
      walk.markUninteresting(walk.parseCommit(stop));
    }
    List<RevCommit> out = new ArrayList<>();
    for (RevCommit c : walk) {
      out.add(c);
    }
    return out;
  }
}
