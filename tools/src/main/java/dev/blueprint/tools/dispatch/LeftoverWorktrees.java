package dev.blueprint.tools.dispatch;

import dev.blueprint.journal.git.GitCli;
import java.nio.file.Path;

/**
 * Removes worker worktrees and branches a dead process left behind, by branch name: a process
 * killed inside a release leaves a worktree without its owner file, and an orphaned {@code git
 * worktree add} can even create a branch after a restart's cleanup. Their work never landed, and
 * the task runs again.
 */
final class LeftoverWorktrees {
  private LeftoverWorktrees() {}

  /**
   * Removes the worktrees and branches named {@code refs/heads/<branch>}, or every one below it
   * when {@code branch} ends with a slash.
   */
  static void clear(GitCli git, Path repo, String branch) {
    String prefix = "refs/heads/" + branch;
    boolean below = prefix.endsWith("/");
    GitCli.Result list = git.run(repo, "worktree", "list", "--porcelain");
    if (list.ok()) {
      String path = null;
      for (String line : list.output().split("\n")) {
        if (line.startsWith("worktree ")) {
          path = line.substring("worktree ".length()).strip();
        } else if (path != null
            && line.startsWith("branch ")
            && (below ? line.startsWith("branch " + prefix) : line.equals("branch " + prefix))) {
          // Twice forced: a worktree whose creation was cut short stays locked ("initializing").
          git.run(repo, "worktree", "remove", "--force", "--force", path);
        }
      }
    }
    git.run(repo, "worktree", "prune");
    GitCli.Result refs = git.run(repo, "for-each-ref", "--format=%(refname:short)", prefix);
    if (refs.ok()) {
      for (String name : refs.output().strip().split("\n")) {
        if (!name.isBlank()) {
          git.run(repo, "branch", "-D", name.strip());
        }
      }
    }
  }

  /** The pool's spelling of a run or task id in branch names (see WorkspacePool). */
  static String safe(String s) {
    return s.replaceAll("[^A-Za-z0-9._-]", "-").replaceAll("^-+", "");
  }
}
