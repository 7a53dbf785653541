package dev.blueprint.hooks.git;

import dev.blueprint.hooks.AtomicFile;
import dev.blueprint.hooks.HookScripts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Installs and removes the {@code prepare-commit-msg} git hook that adds a {@code Session-Id}
 * trailer to commits made while a Claude Code session is active. The hook goes where git looks:
 * {@code core.hooksPath} when set, else the hooks folder of the common git directory (shared by
 * linked worktrees). A hook that is not blueprint's is never overwritten or removed.
 */
public final class PrepareCommitMsgHook {

  /** The line that marks the hook file as blueprint's. */
  static final String MARKER = "# blueprint: adds a Session-Id trailer";

  /** Installs the hook into the repository containing {@code workTree}. */
  public GitHookResult install(Path workTree) throws IOException {
    Path file = hookFile(workTree);
    String script = HookScripts.prepareCommitMsg();
    if (Files.exists(file)) {
      String current = Files.readString(file, StandardCharsets.UTF_8);
      if (!current.contains(MARKER)) {
        return new GitHookResult(GitHookResult.Outcome.FOREIGN_HOOK_KEPT, file);
      }
      if (current.equals(script)) {
        return new GitHookResult(GitHookResult.Outcome.UNCHANGED, file);
      }
    }
    AtomicFile.write(file, script);
    makeExecutable(file);
    return new GitHookResult(GitHookResult.Outcome.INSTALLED, file);
  }

  /** Removes the hook if it is blueprint's. */
  public GitHookResult uninstall(Path workTree) throws IOException {
    Path file = hookFile(workTree);
    if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).contains(MARKER)) {
      Files.delete(file);
      return new GitHookResult(GitHookResult.Outcome.REMOVED, file);
    }
    return new GitHookResult(GitHookResult.Outcome.ABSENT, file);
  }

  static void makeExecutable(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (UnsupportedOperationException e) {
      file.toFile().setExecutable(true);
    }
  }

  private static Path hookFile(Path workTree) throws IOException {
    FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(workTree.toFile());
    if (builder.getGitDir() == null) {
      throw new IOException(workTree + " is not inside a git repository");
    }
    try (Repository repo = builder.setMustExist(true).build()) {
      String hooksPath = repo.getConfig().getString("core", null, "hooksPath");
      Path hooks =
          hooksPath == null || hooksPath.isBlank()
              ? repo.getCommonDirectory().toPath().resolve("hooks")
              : repo.getWorkTree().toPath().resolve(hooksPath);
      return hooks.resolve("prepare-commit-msg");
    }
  }
}
