package dev.blueprint.server.cli;

import java.nio.file.Path;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** The working tree a command acts on: the git work tree around a folder, else the folder. */
final class RepositoryRoot {
  private RepositoryRoot() {}

  static Path around(Path dir) {
    Path abs = dir.toAbsolutePath().normalize();
    FileRepositoryBuilder b = new FileRepositoryBuilder().findGitDir(abs.toFile());
    if (b.getGitDir() == null) {
      return abs;
    }
    Path gitDir = b.getGitDir().toPath();
    // a plain repository's work tree is the folder holding .git; linked worktrees keep a .git file
    // whose gitdir lies elsewhere, and findGitDir stops at that file's folder too
    for (Path p = abs; p != null; p = p.getParent()) {
      if (p.resolve(".git").equals(gitDir) || p.resolve(".git").toFile().isFile()) {
        return p;
      }
    }
    return abs;
  }
}
