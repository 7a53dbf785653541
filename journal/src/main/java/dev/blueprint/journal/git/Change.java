package dev.blueprint.journal.git;

import java.nio.file.Path;
import java.util.List;

/**
 * One unit of work to land on the integration branch: either the work on a worker branch (from a
 * workspace) or a set of paths in a working tree (an agent outside blueprint). The queue captures
 * the content when the change is submitted, so later edits to the branch or the files do not leak
 * into it.
 */
public sealed interface Change permits Change.FromBranch, Change.FromPaths {

  /** The commit message without trailers; may be null for a branch (its tip's message is used). */
  String message();

  Trailers trailers();

  /**
   * Everything on {@code branch} since it forked from the integration branch, squashed into one
   * commit.
   */
  record FromBranch(String branch, String message, Trailers trailers) implements Change {}

  /**
   * The current content of {@code paths} (relative to {@code workTree}; a directory means every
   * changed file below it; an empty list means every changed file) against the working tree's HEAD.
   */
  record FromPaths(Path workTree, List<String> paths, String message, Trailers trailers)
      implements Change {
    public FromPaths {
      paths = List.copyOf(paths);
    }
  }
}
