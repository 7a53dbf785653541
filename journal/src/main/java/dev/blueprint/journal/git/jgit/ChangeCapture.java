package dev.blueprint.journal.git.jgit;

import dev.blueprint.journal.git.Change;
import dev.blueprint.journal.git.GitLayerException;
import dev.blueprint.journal.git.WorkspacePath;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.StatusCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Turns a {@link Change} into what the queue stores: for paths, the files' current content as blobs
 * in the shared object store against the working tree's HEAD; for a branch, its tip commit.
 * Capturing at submit time means the change that lands is the change that was asked for.
 */
final class ChangeCapture {
  private final Repository repo;

  ChangeCapture(Repository repo) {
    this.repo = repo;
  }

  /** The record (id 0, not yet stored) and the captured edits. */
  record Captured(QueueRecord record, SortedMap<String, TreeEntry> edits) {}

  Captured capture(Change change, String targetRef, PersonIdent defaultAuthor) {
    try {
      if (change instanceof Change.FromBranch b) {
        return branch(b, targetRef);
      }
      return paths((Change.FromPaths) change, targetRef, defaultAuthor);
    } catch (IOException e) {
      throw new GitLayerException(
          "E_CAPTURE", "cannot capture the change: " + e.getMessage(), targetRef, e);
    }
  }

  private Captured branch(Change.FromBranch b, String targetRef) throws IOException {
    String name = b.branch().startsWith("refs/") ? b.branch() : Constants.R_HEADS + b.branch();
    Ref ref = repo.exactRef(name);
    if (ref == null || ref.getObjectId() == null) {
      throw new GitLayerException("E_NO_SUCH_BRANCH", "no such branch: " + b.branch(), b.branch());
    }
    try (RevWalk rw = new RevWalk(repo)) {
      RevCommit tip = rw.parseCommit(ref.getObjectId());
      PersonIdent a = tip.getAuthorIdent();
      String message = b.message() != null ? b.message() : tip.getFullMessage();
      return new Captured(
          record("branch", targetRef, message, b, a, null, name, tip.name()), new TreeMap<>());
    }
  }

  private Captured paths(Change.FromPaths p, String targetRef, PersonIdent author)
      throws IOException {
    if (p.message() == null || p.message().isBlank()) {
      throw new GitLayerException(
          "E_NO_MESSAGE", "a commit message is required", p.workTree().toString());
    }
    Path root = p.workTree().toRealPath();
    try (Repository wt =
        new FileRepositoryBuilder().findGitDir(root.toFile()).setMustExist(true).build()) {
      ObjectId head = wt.resolve(Constants.HEAD);
      SortedMap<String, TreeEntry> edits = new TreeMap<>();
      Set<String> files = new LinkedHashSet<>();
      ObjectId headTree;
      try (ObjectReader reader = repo.newObjectReader();
          RevWalk rw = new RevWalk(reader)) {
        headTree = head == null ? null : rw.parseCommit(head).getTree();
        List<String> requested = p.paths().isEmpty() ? List.of("") : p.paths();
        for (String r : requested) {
          Path abs = WorkspacePath.resolve(root, r.isEmpty() ? "." : r);
          String rel = root.relativize(abs).toString().replace(File.separatorChar, '/');
          if (rel.equals(".git") || rel.startsWith(".git/")) {
            throw new GitLayerException("E_PATH_GIT_DIR", "cannot commit inside .git: " + r, r);
          }
          if (rel.isEmpty() || Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS)) {
            files.addAll(changedUnder(wt, rel));
          } else if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)
              || (headTree != null && TreeEdits.lookup(reader, headTree, rel) != null)) {
            files.add(rel);
          } else {
            throw new GitLayerException("E_NO_SUCH_PATH", "no such file and not tracked: " + r, r);
          }
        }
      }
      try (ObjectInserter ins = repo.newObjectInserter();
          ObjectReader reader = ins.newReader()) {
        for (String rel : files) {
          if (rel.startsWith(".blueprint/")) {
            continue;
          }
          TreeEntry now = snapshot(ins, root.resolve(rel));
          TreeEntry before = headTree == null ? null : TreeEdits.lookup(reader, headTree, rel);
          if (!TreeEntry.same(now, before)) {
            edits.put(rel, now);
          }
        }
        ins.flush();
      }
      return new Captured(
          record(
              "paths",
              targetRef,
              p.message(),
              p,
              author,
              head == null ? null : head.name(),
              null,
              null),
          edits);
    }
  }

  /** The changed, untracked (not ignored) and deleted files at or below {@code rel}. */
  private static Set<String> changedUnder(Repository wt, String rel) {
    try (Git git = Git.wrap(wt)) {
      StatusCommand cmd = git.status();
      if (!rel.isEmpty()) {
        cmd.addPath(rel);
      }
      Status s = cmd.call();
      Set<String> out = new LinkedHashSet<>();
      out.addAll(s.getModified());
      out.addAll(s.getChanged());
      out.addAll(s.getAdded());
      out.addAll(s.getUntracked());
      out.addAll(s.getMissing());
      out.addAll(s.getRemoved());
      return out;
    } catch (GitAPIException e) {
      throw new GitLayerException(
          "E_STATUS", "cannot read the working tree status: " + e.getMessage(), rel, e);
    }
  }

  /** The file's content as a tree entry, or null for a deleted file. */
  static TreeEntry snapshot(ObjectInserter ins, Path file) throws IOException {
    if (Files.isSymbolicLink(file)) {
      byte[] target = Constants.encode(Files.readSymbolicLink(file).toString());
      return new TreeEntry(FileMode.SYMLINK, ins.insert(Constants.OBJ_BLOB, target));
    }
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    if (Files.isDirectory(file)) {
      throw new GitLayerException(
          "E_PATH_IS_DIRECTORY", "cannot snapshot a directory: " + file, file.toString());
    }
    FileMode mode = Files.isExecutable(file) ? FileMode.EXECUTABLE_FILE : FileMode.REGULAR_FILE;
    return new TreeEntry(mode, ins.insert(Constants.OBJ_BLOB, Files.readAllBytes(file)));
  }

  private static QueueRecord record(
      String kind,
      String targetRef,
      String message,
      Change c,
      PersonIdent author,
      String base,
      String sourceBranch,
      String sourceCommit) {
    return new QueueRecord(
        0,
        kind,
        targetRef,
        message,
        c.trailers(),
        author.getName(),
        author.getEmailAddress(),
        author.getWhenAsInstant().toEpochMilli(),
        author.getZoneOffset().getTotalSeconds() / 60,
        base,
        sourceBranch,
        sourceCommit,
        "pending",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        System.currentTimeMillis(),
        null);
  }
}
