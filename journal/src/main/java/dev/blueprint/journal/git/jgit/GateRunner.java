package dev.blueprint.journal.git.jgit;

import dev.blueprint.journal.git.GitCli;
import dev.blueprint.journal.git.QueueOptions;
import dev.blueprint.journal.git.RepoLayout;
import java.nio.file.Path;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Runs the gate command on a would-be commit in a scratch linked worktree, so the tree that is
 * tested is exactly the tree that lands.
 */
final class GateRunner {
  private static final int TAIL = 4000;

  /** Exit code and the last part of the output. */
  record Result(int exitCode, String outputTail) {}

  private final RepoLayout layout;
  private final QueueOptions options;

  GateRunner(RepoLayout layout, QueueOptions options) {
    this.layout = layout;
    this.options = options;
  }

  Result run(ObjectId commit) {
    GitCli git = options.git();
    Path repoDir = layout.mainWorkTree() != null ? layout.mainWorkTree() : layout.commonGitDir();
    Path scratch =
        layout.blueprintDir().resolve("scratch").resolve("gate-" + commit.abbreviate(12).name());
    git.run(repoDir, "worktree", "remove", "--force", scratch.toString());
    GitCli.Result add =
        git.run(
            repoDir, "worktree", "add", "--detach", "--quiet", scratch.toString(), commit.name());
    if (!add.ok()) {
      return new Result(125, tail("cannot create the gate workspace: " + add.output()));
    }
    try {
      GitCli.Result r =
          GitCli.exec(
              scratch, options.gate(), git.environment(), options.gateTimeout().toSeconds());
      return new Result(r.exitCode(), tail(r.output()));
    } finally {
      git.run(repoDir, "worktree", "remove", "--force", scratch.toString());
    }
  }

  private static String tail(String s) {
    return s.length() <= TAIL ? s : s.substring(s.length() - TAIL);
  }
}
