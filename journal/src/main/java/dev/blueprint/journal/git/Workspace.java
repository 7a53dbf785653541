package dev.blueprint.journal.git;

import java.nio.file.Path;

/**
 * A private working tree for one worker on one task: a linked worktree on its own branch, sharing
 * the repository's objects.
 *
 * @param name the directory name under the pool's root
 * @param dir the working tree
 * @param branch the full ref of its branch ({@code refs/heads/bp/<run>/<task>})
 * @param baseCommit the commit the branch started from
 */
public record Workspace(String name, Path dir, String branch, String baseCommit) {

  /** Resolves a path requested by an agent inside this workspace, refusing escapes. */
  public Path resolve(String requested) {
    return WorkspacePath.resolve(dir, requested);
  }

  /** The branch's short name, as {@code git branch} shows it. */
  public String shortBranch() {
    return branch.startsWith("refs/heads/") ? branch.substring("refs/heads/".length()) : branch;
  }
}
