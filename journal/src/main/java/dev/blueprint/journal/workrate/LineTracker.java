package dev.blueprint.journal.workrate;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.api.errors.CanceledException;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffConfig;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.HistogramDiff;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.diff.RenameDetector;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Follows every line of every text file through history in one pass, oldest commit first: each
 * commit's diff against its parent moves the origins of unchanged lines along and gives the lines
 * it inserted or rewrote its own origin. At the end the origins are what {@code git blame} at HEAD
 * would say, for all files at once, and the pass resumes from a stored state when new commits
 * arrive. Merges take unchanged lines from the first parent, then from the other parents, and
 * attribute the rest (conflict resolutions) to the merge.
 */
final class LineTracker {
  private static final DiffAlgorithm DIFF = new HistogramDiff();
  private static final int MAX_FILE_BYTES = 8 << 20;
  private static final int TEXT_CACHE_SIZE = 1024;
  private static final int MAX_CACHED_BYTES = 256 << 10;

  private final Repository repo;
  private final List<String> excludedPrefixes;
  private final Map<ObjectId, Optional<RawText>> texts =
      new LinkedHashMap<>(TEXT_CACHE_SIZE, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<ObjectId, Optional<RawText>> e) {
          return size() > TEXT_CACHE_SIZE;
        }
      };

  /** What one call to {@link #advance} did. */
  record Advance(LineHistory history, int commitsProcessed, boolean fullRebuild) {}

  /** Reads the cached origins of some files (those new commits touch) at the cached head. */
  interface OriginSource {
    /** The origins of {@code paths}, or empty when the cache no longer holds {@code head}. */
    Optional<Map<String, int[]>> load(String head, Set<String> paths) throws IOException;
  }

  LineTracker(Repository repo, List<String> excludedPrefixes) {
    this.repo = repo;
    this.excludedPrefixes = List.copyOf(excludedPrefixes);
  }

  /**
   * Brings {@code cached} (or nothing) up to {@code newHead}. Resumes when the cached head is an
   * ancestor of {@code newHead} and every new commit descends only from new commits or the cached
   * head; otherwise (rewritten history, a merged branch forked before the cached head) it starts
   * over, since the state at older commits is not stored.
   */
  Advance advance(LineHistory cached, ObjectId newHead) throws IOException {
    return advance(cached, newHead, null);
  }

  /**
   * Like {@link #advance(LineHistory, ObjectId)} for a {@linkplain LineHistory#partial() partial}
   * history: before the new commits are applied, the origins of exactly the paths they change (old
   * and new names) are read from {@code origins}.
   */
  Advance advance(LineHistory cached, ObjectId newHead, OriginSource origins) throws IOException {
    try (RevWalk walk = new RevWalk(repo);
        ObjectReader reader = repo.newObjectReader()) {
      if (cached != null && newHead.name().equals(cached.head)) {
        return new Advance(cached, 0, false);
      }
      if (cached != null && cached.head != null) {
        List<RevCommit> range = CommitRange.resumable(repo, walk, cached.head, newHead);
        Optional<Map<String, int[]>> loaded =
            range == null || !cached.partial()
                ? Optional.of(Map.of())
                : origins.load(cached.head, pathsChanged(reader, range));
        if (range != null && loaded.isPresent()) {
          if (cached.partial()) {
            cached.loadOrigins(loaded.get());
          }
          return new Advance(run(reader, walk, range, cached), range.size(), false);
        }
      }
      walk.reset();
      List<RevCommit> all = CommitRange.from(walk, newHead, null);
      return new Advance(run(reader, walk, all, new LineHistory()), all.size(), true);
    }
  }

  /** A walk over the files that differ between a commit and its first parent (none: empty). */
  private TreeWalk firstParentDiff(ObjectReader reader, RevCommit c) throws IOException {
    TreeWalk tw = new TreeWalk(repo, reader);
    tw.setRecursive(true);
    tw.setFilter(TreeFilter.ANY_DIFF);
    if (c.getParentCount() == 0) {
      tw.addTree(new EmptyTreeIterator());
    } else {
      tw.addTree(c.getParent(0).getTree());
    }
    tw.addTree(c.getTree());
    return tw;
  }

  /** Every path (old and new side) whose entry differs between a commit and its first parent. */
  private Set<String> pathsChanged(ObjectReader reader, List<RevCommit> commits)
      throws IOException {
    Set<String> paths = new HashSet<>();
    for (RevCommit c : commits) {
      try (TreeWalk tw = firstParentDiff(reader, c)) {
        while (tw.next()) {
          paths.add(tw.getPathString());
        }
      }
    }
    return paths;
  }

  private LineHistory run(ObjectReader reader, RevWalk walk, List<RevCommit> order, LineHistory h)
      throws IOException {
    Map<ObjectId, Integer> pendingChildren = new HashMap<>();
    for (RevCommit c : order) {
      for (RevCommit p : c.getParents()) {
        pendingChildren.merge(p.copy(), 1, Integer::sum);
      }
    }
    Map<ObjectId, Map<String, int[]>> live = new HashMap<>();
    Map<ObjectId, RevCommit> liveCommits = new HashMap<>();
    if (h.head != null) {
      ObjectId old = ObjectId.fromString(h.head);
      live.put(old, h.origins);
      liveCommits.put(old, walk.parseCommit(old));
    }
    Map<String, int[]> state = h.origins;
    for (RevCommit c : order) {
      walk.parseBody(c);
      int index = h.add(facts(c));
      state = stateFor(c, live, pendingChildren);
      int added = apply(reader, c, index, state, live, liveCommits, h);
      h.commits.set(index, withAdded(h.commits.get(index), added));
      for (RevCommit p : c.getParents()) {
        if (pendingChildren.merge(p.copy(), -1, Integer::sum) <= 0) {
          live.remove(p);
          liveCommits.remove(p);
        }
      }
      if (pendingChildren.getOrDefault(c, 0) > 0) {
        live.put(c.copy(), state);
        liveCommits.put(c.copy(), c);
      }
    }
    h.origins = state;
    h.head = order.isEmpty() ? h.head : order.get(order.size() - 1).name();
    return h;
  }

  private static Map<String, int[]> stateFor(
      RevCommit c, Map<ObjectId, Map<String, int[]>> live, Map<ObjectId, Integer> pending) {
    if (c.getParentCount() == 0) {
      return new HashMap<>();
    }
    RevCommit first = c.getParent(0);
    Map<String, int[]> parentState = live.get(first);
    if (parentState == null) {
      throw new IllegalStateException("no line state for parent " + first.name());
    }
    // Arrays are never changed in place, so a shallow copy is enough when the parent has other
    // children still to come; the last child takes the parent's map itself.
    return pending.getOrDefault(first, 0) > 1 ? new HashMap<>(parentState) : parentState;
  }

  private int apply(
      ObjectReader reader,
      RevCommit c,
      int index,
      Map<String, int[]> state,
      Map<ObjectId, Map<String, int[]>> live,
      Map<ObjectId, RevCommit> liveCommits,
      LineHistory h)
      throws IOException {
    int added = 0;
    for (DiffEntry e : changes(reader, c)) {
      DiffEntry.ChangeType type = e.getChangeType();
      int[] oldOrigins = type == DiffEntry.ChangeType.ADD ? null : state.get(e.getOldPath());
      if (type == DiffEntry.ChangeType.DELETE || type == DiffEntry.ChangeType.RENAME) {
        if (state.remove(e.getOldPath()) != null) {
          h.touchedPaths.add(e.getOldPath());
        }
        if (type == DiffEntry.ChangeType.DELETE) {
          continue;
        }
      }
      String path = e.getNewPath();
      Optional<RawText> newText =
          tracked(path, e.getNewMode())
              ? text(reader, e.getNewId().toObjectId())
              : Optional.empty();
      if (newText.isEmpty()) {
        if (state.remove(path) != null) {
          h.touchedPaths.add(path);
        }
        continue;
      }
      int[] origins = new int[newText.get().size()];
      Arrays.fill(origins, -1);
      if (oldOrigins != null) {
        carry(reader, e.getOldId().toObjectId(), oldOrigins, newText.get(), origins);
      }
      for (int k = 1; k < c.getParentCount(); k++) {
        Map<String, int[]> other = live.get(c.getParent(k));
        int[] otherOrigins = other == null ? null : other.get(path);
        if (otherOrigins != null) {
          ObjectId blob = blobAt(reader, liveCommits.get(c.getParent(k)), path);
          if (blob != null) {
            carry(reader, blob, otherOrigins, newText.get(), origins);
          }
        }
      }
      for (int i = 0; i < origins.length; i++) {
        if (origins[i] < 0) {
          origins[i] = index;
          added++;
        }
      }
      state.put(path, origins);
      h.touchedPaths.add(path);
    }
    return added;
  }

  /** Gives lines of {@code target} that are unchanged from {@code oldBlob} their old origins. */
  private void carry(
      ObjectReader reader, ObjectId oldBlob, int[] oldOrigins, RawText target, int[] origins)
      throws IOException {
    if (oldOrigins == null) {
      return;
    }
    Optional<RawText> old = text(reader, oldBlob);
    if (old.isEmpty() || old.get().size() != oldOrigins.length) {
      return;
    }
    EditList edits = DIFF.diff(RawTextComparator.DEFAULT, old.get(), target);
    int a = 0;
    int b = 0;
    for (Edit edit : edits) {
      copyUnchanged(oldOrigins, origins, a, b, edit.getBeginB() - b);
      a = edit.getEndA();
      b = edit.getEndB();
    }
    copyUnchanged(oldOrigins, origins, a, b, origins.length - b);
  }

  private static void copyUnchanged(int[] from, int[] to, int a, int b, int count) {
    for (int i = 0; i < count; i++) {
      if (to[b + i] < 0) {
        to[b + i] = from[a + i];
      }
    }
  }

  private List<DiffEntry> changes(ObjectReader reader, RevCommit c) throws IOException {
    try (TreeWalk tw = firstParentDiff(reader, c)) {
      List<DiffEntry> entries = DiffEntry.scan(tw);
      boolean adds = entries.stream().anyMatch(d -> d.getChangeType() == DiffEntry.ChangeType.ADD);
      boolean deletes =
          entries.stream().anyMatch(d -> d.getChangeType() == DiffEntry.ChangeType.DELETE);
      if (!adds || !deletes) {
        return entries;
      }
      RenameDetector renames = new RenameDetector(reader, repo.getConfig().get(DiffConfig.KEY));
      renames.addAll(entries);
      try {
        return renames.compute(reader, NullProgressMonitor.INSTANCE);
      } catch (CanceledException e) {
        throw new IOException("rename detection was cancelled", e);
      }
    }
  }

  private static ObjectId blobAt(ObjectReader reader, RevCommit commit, String path)
      throws IOException {
    if (commit == null) {
      return null;
    }
    try (TreeWalk tw = TreeWalk.forPath(reader, path, commit.getTree())) {
      return tw == null ? null : tw.getObjectId(0);
    }
  }

  private boolean tracked(String path, FileMode mode) {
    if ((mode.getBits() & FileMode.TYPE_MASK) != FileMode.TYPE_FILE) {
      return false;
    }
    for (String prefix : excludedPrefixes) {
      if (path.startsWith(prefix)) {
        return false;
      }
    }
    return true;
  }

  /** The blob as text, or empty when it is binary or too large to be source. */
  private Optional<RawText> text(ObjectReader reader, ObjectId blob) throws IOException {
    Optional<RawText> cachedText = texts.get(blob);
    if (cachedText != null) {
      return cachedText;
    }
    byte[] bytes;
    try {
      bytes = reader.open(blob, Constants.OBJ_BLOB).getCachedBytes(MAX_FILE_BYTES);
    } catch (LargeObjectException e) {
      bytes = null;
    }
    Optional<RawText> result =
        bytes == null || RawText.isBinary(bytes)
            ? Optional.empty()
            : Optional.of(new RawText(bytes));
    // Only small texts are kept: the cache is for the next diff of the same file, and a few
    // large generated files must not pin hundreds of megabytes.
    if (bytes == null || bytes.length <= MAX_CACHED_BYTES) {
      texts.put(blob.copy(), result);
    }
    return result;
  }

  private static CommitFacts facts(RevCommit c) {
    return new CommitFacts(
        c.name(),
        c.getCommitTime(),
        0,
        trailer(c, "Session-Id"),
        trailer(c, "Blueprint-Run"),
        trailer(c, "Agent"),
        trailer(c, "Model"),
        trailer(c, "Blueprint"));
  }

  private static Optional<String> trailer(RevCommit c, String key) {
    List<String> values = c.getFooterLines(key);
    return values.isEmpty() || values.get(0).isBlank()
        ? Optional.empty()
        : Optional.of(values.get(0).strip());
  }

  private static CommitFacts withAdded(CommitFacts f, int added) {
    return new CommitFacts(
        f.sha(),
        f.commitTime(),
        added,
        f.sessionId(),
        f.runId(),
        f.agent(),
        f.model(),
        f.blueprint());
  }
}
