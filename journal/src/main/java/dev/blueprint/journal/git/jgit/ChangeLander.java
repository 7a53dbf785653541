package dev.blueprint.journal.git.jgit;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.merge.MergeStrategy;
import org.eclipse.jgit.merge.ResolveMerger;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Replays one stored change onto the current tip in memory. The common case (no path of the change
 * was touched on the tip since the change's base) rewrites only the trees on the changed paths;
 * otherwise JGit's three-way merger (in core, no working tree) merges file contents and reports the
 * paths it cannot merge.
 */
final class ChangeLander {
  private final Repository repo;
  private final PersonIdent committer;

  ChangeLander(Repository repo, PersonIdent committer) {
    this.repo = repo;
    this.committer = committer;
  }

  LandingPlan plan(QueueRecord r, SortedMap<String, TreeEntry> storedEdits, ObjectId tip)
      throws IOException {
    try (ObjectInserter ins = repo.newObjectInserter();
        ObjectReader reader = ins.newReader();
        RevWalk rw = new RevWalk(reader)) {
      RevCommit tipCommit = tip == null ? null : rw.parseCommit(tip);
      ObjectId tipTree = tipCommit == null ? null : tipCommit.getTree();
      ObjectId baseTree;
      SortedMap<String, TreeEntry> edits;
      String message = r.message();
      if ("branch".equals(r.kind())) {
        RevCommit source;
        try {
          source = rw.parseCommit(ObjectId.fromString(r.sourceCommit()));
        } catch (MissingObjectException e) {
          return new LandingPlan.Impossible(
              "E_SOURCE_MISSING", "the branch commit is gone: " + r.sourceCommit());
        }
        RevCommit base = tipCommit == null ? null : mergeBase(rw, source, tipCommit);
        baseTree = base == null ? null : base.getTree();
        edits = diff(reader, baseTree, source.getTree());
        if (message == null) {
          message = source.getFullMessage();
        }
      } else {
        baseTree =
            r.baseCommit() == null
                ? null
                : rw.parseCommit(ObjectId.fromString(r.baseCommit())).getTree();
        edits = storedEdits;
      }
      ObjectId newTree = replay(reader, ins, baseTree, tipTree, edits);
      if (newTree == null) {
        return new LandingPlan.Conflict(conflictPaths(reader, ins, baseTree, tipTree, edits));
      }
      if (newTree.equals(tipTree)) {
        return new LandingPlan.NoChange();
      }
      CommitBuilder cb = new CommitBuilder();
      cb.setTreeId(newTree);
      if (tip != null) {
        cb.setParentId(tip);
      }
      cb.setAuthor(
          new PersonIdent(
              r.authorName(),
              r.authorEmail(),
              Instant.ofEpochMilli(r.authorWhenMillis()),
              ZoneOffset.ofTotalSeconds(r.authorTzMinutes() * 60)));
      cb.setCommitter(new PersonIdent(committer, Instant.now()));
      cb.setMessage(r.trailers().appendTo(message));
      ObjectId commit = ins.insert(cb);
      ins.flush();
      return new LandingPlan.NewCommit(commit, newTree);
    }
  }

  /** The new tree, or null when the change conflicts with the tip. */
  private ObjectId replay(
      ObjectReader reader,
      ObjectInserter ins,
      ObjectId baseTree,
      ObjectId tipTree,
      SortedMap<String, TreeEntry> edits)
      throws IOException {
    boolean pathsUntouchedOnTip = true;
    if (baseTree == null || !baseTree.equals(tipTree)) {
      for (Map.Entry<String, TreeEntry> e : edits.entrySet()) {
        TreeEntry onTip = tipTree == null ? null : TreeEdits.lookup(reader, tipTree, e.getKey());
        TreeEntry onBase = baseTree == null ? null : TreeEdits.lookup(reader, baseTree, e.getKey());
        if (!TreeEntry.same(onTip, onBase) && !TreeEntry.same(onTip, e.getValue())) {
          pathsUntouchedOnTip = false;
          break;
        }
      }
    }
    try {
      if (pathsUntouchedOnTip) {
        return TreeEdits.apply(reader, ins, tipTree, edits);
      }
      // Someone changed the same files: merge contents three-way, in memory.
      ObjectId theirs = TreeEdits.apply(reader, ins, baseTree, edits);
      ResolveMerger m = (ResolveMerger) MergeStrategy.RESOLVE.newMerger(ins, repo.getConfig());
      m.setBase(baseTree == null ? emptyTree(ins) : baseTree);
      if (!m.merge(tipTree == null ? emptyTree(ins) : tipTree, theirs)) {
        return null;
      }
      return m.getResultTreeId();
    } catch (TreeEdits.PathShapeConflict e) {
      return null;
    }
  }

  private List<String> conflictPaths(
      ObjectReader reader,
      ObjectInserter ins,
      ObjectId baseTree,
      ObjectId tipTree,
      SortedMap<String, TreeEntry> edits)
      throws IOException {
    TreeSet<String> paths = new TreeSet<>();
    try {
      ObjectId theirs = TreeEdits.apply(reader, ins, baseTree, edits);
      ResolveMerger m = (ResolveMerger) MergeStrategy.RESOLVE.newMerger(ins, repo.getConfig());
      m.setBase(baseTree == null ? emptyTree(ins) : baseTree);
      m.merge(tipTree == null ? emptyTree(ins) : tipTree, theirs);
      paths.addAll(m.getUnmergedPaths());
      if (m.getFailingPaths() != null) {
        paths.addAll(m.getFailingPaths().keySet());
      }
    } catch (TreeEdits.PathShapeConflict e) {
      paths.add(e.getMessage());
    }
    if (paths.isEmpty()) {
      paths.addAll(edits.keySet());
    }
    return new ArrayList<>(paths);
  }

  private static ObjectId emptyTree(ObjectInserter ins) throws IOException {
    return ins.insert(new org.eclipse.jgit.lib.TreeFormatter());
  }

  private static RevCommit mergeBase(RevWalk rw, RevCommit a, RevCommit b) throws IOException {
    rw.reset();
    rw.setRevFilter(RevFilter.MERGE_BASE);
    rw.markStart(a);
    rw.markStart(b);
    RevCommit base = rw.next();
    rw.reset();
    rw.setRevFilter(RevFilter.ALL);
    return base == null ? null : rw.parseCommit(base);
  }

  /** The files that differ from {@code from} to {@code to}; identical subtrees are skipped. */
  static SortedMap<String, TreeEntry> diff(ObjectReader reader, ObjectId from, ObjectId to)
      throws IOException {
    SortedMap<String, TreeEntry> out = new TreeMap<>();
    try (TreeWalk tw = new TreeWalk(reader)) {
      if (from == null) {
        tw.addTree(new org.eclipse.jgit.treewalk.EmptyTreeIterator());
      } else {
        tw.addTree(from);
      }
      tw.addTree(to);
      tw.setRecursive(true);
      tw.setFilter(TreeFilter.ANY_DIFF);
      while (tw.next()) {
        FileMode mode = tw.getFileMode(1);
        out.put(
            tw.getPathString(),
            mode == FileMode.MISSING ? null : new TreeEntry(mode, tw.getObjectId(1)));
      }
    }
    return out;
  }
}
