package dev.blueprint.journal.session;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.patch.FileHeader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * Reads a session's commits from git with JGit: every commit reachable from HEAD and not from the
 * session's start commit, with lines added and removed per file against its first parent.
 */
public final class GitHistory {

  /**
   * Reads the facts of the repository containing {@code workTree}.
   *
   * @param startCommit HEAD when the session started; when empty or unknown no commits are listed,
   *     since there is no telling which ones are the session's
   */
  public GitFacts read(Path workTree, Optional<String> startCommit) throws IOException {
    return read(workTree, startCommit, Optional.empty());
  }

  /**
   * Reads the facts of the repository containing {@code workTree}; without a start commit, the
   * session's commits are those on HEAD's first-parent line committed at or after {@code
   * sessionStart} (a transcript's first timestamp), for sessions whose SessionStart hook never
   * recorded HEAD.
   */
  public GitFacts read(Path workTree, Optional<String> startCommit, Optional<Instant> sessionStart)
      throws IOException {
    FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(workTree.toFile());
    if (builder.getGitDir() == null) {
      return new GitFacts(Optional.empty(), Optional.empty(), List.of(), List.of());
    }
    try (Repository repo = builder.setMustExist(true).build()) {
      ObjectId head = repo.resolve("HEAD");
      if (head == null) {
        return new GitFacts(Optional.empty(), branch(repo), List.of(), List.of());
      }
      List<CommitEntry> commits = new ArrayList<>();
      ObjectId start =
          startCommit.isPresent() ? repo.resolve(startCommit.get() + "^{commit}") : null;
      if (start == null && startCommit.isEmpty() && sessionStart.isPresent()) {
        start = lastBefore(repo, head, sessionStart.get());
      }
      if (start != null) {
        commits = commits(repo, head, start);
      }
      Map<String, FileChange> byPath = new TreeMap<>();
      for (CommitEntry c : commits) {
        for (FileChange f : c.files()) {
          byPath.merge(f.path(), f, FileChange::plus);
        }
      }
      return new GitFacts(
          Optional.of(head.name()), branch(repo), commits, new ArrayList<>(byPath.values()));
    }
  }

  /**
   * The newest first-parent ancestor of HEAD committed before {@code t}, or the empty tree's
   * stand-in {@link ObjectId#zeroId()} when every commit is newer (all are the session's).
   */
  private static ObjectId lastBefore(Repository repo, ObjectId head, Instant t) throws IOException {
    try (RevWalk walk = new RevWalk(repo)) {
      walk.setFirstParent(true);
      walk.markStart(walk.parseCommit(head));
      for (RevCommit c : walk) {
        if (c.getCommitterIdent().getWhenAsInstant().isBefore(t)) {
          return c.copy();
        }
      }
    }
    return ObjectId.zeroId();
  }

  private static Optional<String> branch(Repository repo) throws IOException {
    String full = repo.getFullBranch();
    return full != null && full.startsWith("refs/heads/")
        ? Optional.of(Repository.shortenRefName(full))
        : Optional.empty();
  }

  private static List<CommitEntry> commits(Repository repo, ObjectId head, ObjectId start)
      throws IOException {
    List<CommitEntry> out = new ArrayList<>();
    try (RevWalk walk = new RevWalk(repo);
        DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
      diff.setRepository(repo);
      diff.setDiffComparator(RawTextComparator.DEFAULT);
      diff.setDetectRenames(true);
      walk.markStart(walk.parseCommit(head));
      if (!start.equals(ObjectId.zeroId())) {
        walk.markUninteresting(walk.parseCommit(start));
      }
      for (RevCommit c : walk) {
        RevCommit parent = c.getParentCount() > 0 ? walk.parseCommit(c.getParent(0)) : null;
        out.add(new CommitEntry(c.name(), c.getShortMessage(), files(diff, parent, c)));
      }
    }
    Collections.reverse(out);
    return out;
  }

  private static List<FileChange> files(DiffFormatter diff, RevCommit parent, RevCommit commit)
      throws IOException {
    List<FileChange> files = new ArrayList<>();
    for (DiffEntry entry : diff.scan(parent == null ? null : parent.getTree(), commit.getTree())) {
      FileHeader header = diff.toFileHeader(entry);
      int added = 0;
      int removed = 0;
      for (Edit edit : header.toEditList()) {
        added += edit.getLengthB();
        removed += edit.getLengthA();
      }
      String path =
          entry.getChangeType() == DiffEntry.ChangeType.DELETE
              ? entry.getOldPath()
              : entry.getNewPath();
      files.add(new FileChange(path, added, removed));
    }
    return files;
  }
}
