package dev.blueprint.journal.git;

import java.io.IOException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workspace branches ({@code bp/<run>/<task>}) of a {@link WorkspacePool}, set, read and
 * deleted in process through JGit: a git child process for each would cost milliseconds per
 * workspace.
 */
final class WorkspaceBranches {
  private static final Logger LOG = LoggerFactory.getLogger(WorkspaceBranches.class);

  private final Repository repo;

  WorkspaceBranches(Repository repo) {
    this.repo = repo;
  }

  /** Whether the owner's branch moved past its base: commits a crash must not throw away. */
  boolean hasWork(OwnerFile o) {
    try {
      Ref ref = repo.exactRef(o.branch());
      return ref != null
          && ref.getObjectId() != null
          && !ref.getObjectId().name().equals(o.baseCommit());
    } catch (IOException e) {
      return true; // when unsure, keep
    }
  }

  /** Creates {@code branch} at {@code base}, or moves it there (a redone task's old branch). */
  void pointAt(String branch, ObjectId base) {
    try {
      RefUpdate ru = repo.updateRef(branch);
      ru.setNewObjectId(base);
      ru.setForceUpdate(true);
      ru.setRefLogMessage("branch: Created from " + base.name(), false);
      RefUpdate.Result res = ru.update();
      if (res != RefUpdate.Result.NEW
          && res != RefUpdate.Result.FORCED
          && res != RefUpdate.Result.NO_CHANGE) {
        throw new GitLayerException(
            "E_WORKSPACE_CREATE", "cannot set branch " + branch + ": " + res, branch);
      }
    } catch (IOException e) {
      throw new GitLayerException(
          "E_WORKSPACE_CREATE", "cannot set branch " + branch + ": " + e.getMessage(), branch, e);
    }
  }

  /** Deletes {@code branch} if it exists; a failure is logged, not thrown (release goes on). */
  void delete(String branch) {
    try {
      RefUpdate ru = repo.updateRef(branch);
      ru.setForceUpdate(true);
      if (repo.exactRef(branch) != null) {
        RefUpdate.Result res = ru.delete();
        if (res != RefUpdate.Result.FORCED && res != RefUpdate.Result.NO_CHANGE) {
          LOG.warn("could not delete branch {}: {}", branch, res);
        }
      }
    } catch (IOException e) {
      LOG.warn("could not delete branch {}: {}", branch, e.getMessage());
    }
  }
}
