package dev.blueprint.journal.git.jgit;

import dev.blueprint.journal.git.GitLayerException;
import dev.blueprint.journal.git.RepoLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The branch a queue lands on: its tip, and moving it only by compare-and-set. */
final class TargetBranch {
  private static final Logger LOG = LoggerFactory.getLogger(TargetBranch.class);

  private final Repository repo;
  private final RepoLayout layout;
  private final String ref;

  /**
   * @param branch a branch name or full ref; null for the branch HEAD points at
   */
  TargetBranch(Repository repo, RepoLayout layout, String branch) {
    this.repo = repo;
    this.layout = layout;
    this.ref = resolveTarget(repo, branch);
  }

  /** The full ref name, e.g. {@code refs/heads/main}. */
  String ref() {
    return ref;
  }

  RefUpdate.Result compareAndSet(ObjectId expected, ObjectId next, String subject)
      throws IOException {
    RefUpdate.Result result = null;
    for (int i = 0; i < 50; i++) {
      RefUpdate ru = repo.updateRef(ref);
      ru.setExpectedOldObjectId(expected == null ? ObjectId.zeroId() : expected);
      ru.setNewObjectId(next);
      ru.setRefLogMessage("blueprint queue: " + subject, false);
      result = ru.update();
      if (result != RefUpdate.Result.LOCK_FAILURE) {
        return result;
      }
      ObjectId now = tip();
      if (now == null ? expected != null : !now.equals(expected)) {
        return result; // really moved
      }
      try {
        Thread.sleep(20); // a person's git holds the ref lock for a moment
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return result;
      }
    }
    return result;
  }

  /** A ref lock left by a writer killed mid-update; only ever removed by the queue's writer. */
  void removeStaleRefLock() throws IOException {
    Path lockFile = layout.commonGitDir().resolve(ref + ".lock");
    if (Files.deleteIfExists(lockFile)) {
      LOG.warn("removed {} left by a crashed landing", lockFile);
    }
  }

  boolean isAncestor(ObjectId maybeAncestor, ObjectId tip) throws IOException {
    try (RevWalk rw = new RevWalk(repo)) {
      return rw.isMergedInto(rw.parseCommit(maybeAncestor), rw.parseCommit(tip));
    } catch (org.eclipse.jgit.errors.MissingObjectException e) {
      return false;
    }
  }

  boolean isCheckedOut() throws IOException {
    if (repo.isBare()) {
      return false;
    }
    Ref head = repo.exactRef(Constants.HEAD);
    return head != null && head.isSymbolic() && head.getTarget().getName().equals(ref);
  }

  ObjectId tip() throws IOException {
    Ref r = repo.exactRef(ref);
    return r == null ? null : r.getObjectId();
  }

  static String shortName(ObjectId id) {
    return id == null ? "an unborn branch" : id.abbreviate(10).name();
  }

  private static String resolveTarget(Repository repo, String branch) {
    try {
      if (branch != null) {
        return branch.startsWith("refs/") ? branch : Constants.R_HEADS + branch;
      }
      Ref head = repo.exactRef(Constants.HEAD);
      if (head != null && head.isSymbolic()) {
        return head.getTarget().getName();
      }
      String full = repo.getFullBranch();
      if (full != null && full.startsWith(Constants.R_HEADS)) {
        return full;
      }
    } catch (IOException e) {
      throw new GitLayerException("E_NOT_A_REPO", "cannot read HEAD: " + e.getMessage(), "HEAD", e);
    }
    throw new GitLayerException(
        "E_DETACHED_HEAD", "HEAD is detached: name the branch to land on", "HEAD");
  }
}
