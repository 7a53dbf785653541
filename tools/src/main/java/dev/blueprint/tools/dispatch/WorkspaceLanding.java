package dev.blueprint.tools.dispatch;

import dev.blueprint.journal.git.Change;
import dev.blueprint.journal.git.CommitQueue;
import dev.blueprint.journal.git.GitCli;
import dev.blueprint.journal.git.GitLayerException;
import dev.blueprint.journal.git.LandOutcome;
import dev.blueprint.journal.git.Trailers;
import dev.blueprint.journal.git.Workspace;
import dev.blueprint.tools.blueprint.Task;
import java.time.Duration;

/**
 * Turns a finished workspace into a landed change: stages everything (new untracked files too),
 * commits it on the worker branch, and lands the branch through the commit queue with the run's
 * trailers.
 */
final class WorkspaceLanding {
  /** The workspace had nothing to commit. */
  static final LandOutcome NOTHING = new LandOutcome.Unchanged(-1);

  private final GitCli git;
  private final CommitQueue queue;
  private final Duration landTimeout;

  WorkspaceLanding(GitCli git, CommitQueue queue, Duration landTimeout) {
    this.git = git;
    this.queue = queue;
    this.landTimeout = landTimeout;
  }

  LandOutcome land(Workspace ws, Task task, Trailers trailers) {
    git.runOrThrow(ws.dir(), "E_COMMIT", "add", "-A");
    String message = task.id() + ": " + task.name();
    GitCli.Result commit = git.run(ws.dir(), "commit", "--quiet", "--no-verify", "-m", message);
    if (!commit.ok()) {
      // Only now ask whether there was anything to commit: one git process fewer per landing.
      if (git.run(ws.dir(), "diff", "--cached", "--quiet").ok()) {
        return NOTHING;
      }
      throw new GitLayerException(
          "E_COMMIT", "git commit failed: " + commit.output().strip(), ws.dir().toString());
    }
    long id = queue.submit(new Change.FromBranch(ws.branch(), message, trailers));
    return queue.await(id, landTimeout);
  }
}
