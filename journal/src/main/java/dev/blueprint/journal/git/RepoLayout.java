package dev.blueprint.journal.git;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Where a repository's parts are, found from any directory inside it (the main checkout or a linked
 * worktree): the shared git directory, the main checkout, and blueprint's own {@code .blueprint/}
 * folder, which git is told to ignore.
 *
 * @param commonGitDir the git directory shared by all worktrees (holds objects and refs)
 * @param mainWorkTree the main checkout, or null for a bare repository
 * @param blueprintDir where the queue database, locks and workspaces live
 */
public record RepoLayout(Path commonGitDir, Path mainWorkTree, Path blueprintDir) {

  /** Finds the repository containing {@code dir}; fails with E_NOT_A_REPO if there is none. */
  public static RepoLayout find(Path dir) {
    FileRepositoryBuilder b = new FileRepositoryBuilder().findGitDir(dir.toAbsolutePath().toFile());
    if (b.getGitDir() == null) {
      throw new GitLayerException(
          "E_NOT_A_REPO", "not inside a git repository: " + dir, dir.toString());
    }
    try {
      Path gitDir = b.getGitDir().toPath().toRealPath();
      Path common = gitDir;
      Path commondir = gitDir.resolve("commondir");
      if (Files.isRegularFile(commondir)) {
        common = gitDir.resolve(Files.readString(commondir).strip()).toRealPath();
      }
      boolean bare = !common.getFileName().toString().equals(".git");
      Path main = bare ? null : common.getParent();
      Path bp = bare ? common.resolve("blueprint") : main.resolve(".blueprint");
      return new RepoLayout(common, main, bp);
    } catch (IOException e) {
      throw new GitLayerException(
          "E_NOT_A_REPO", "cannot read the repository at " + dir, dir.toString(), e);
    }
  }

  /** Opens the main repository (the main checkout's view: its HEAD, index and work tree). */
  public Repository open() {
    try {
      FileRepositoryBuilder b =
          new FileRepositoryBuilder().setGitDir(commonGitDir.toFile()).setMustExist(true);
      if (mainWorkTree != null) {
        b.setWorkTree(mainWorkTree.toFile());
      }
      return b.build();
    } catch (IOException e) {
      throw new GitLayerException(
          "E_NOT_A_REPO", "cannot open " + commonGitDir, commonGitDir.toString(), e);
    }
  }

  /** Creates {@code .blueprint/} and adds it to {@code .git/info/exclude} once. */
  public Path ensureBlueprintDir() {
    try {
      Files.createDirectories(blueprintDir);
      if (mainWorkTree != null) {
        Path exclude = commonGitDir.resolve("info").resolve("exclude");
        Files.createDirectories(exclude.getParent());
        List<String> lines = Files.exists(exclude) ? Files.readAllLines(exclude) : List.of();
        if (lines.stream()
            .map(String::strip)
            .noneMatch(
                l ->
                    l.equals("/.blueprint/")
                        || l.equals(".blueprint/")
                        || l.equals("/.blueprint")
                        || l.equals(".blueprint"))) {
          String sep =
              Files.exists(exclude)
                      && Files.size(exclude) > 0
                      && !Files.readString(exclude).endsWith("\n")
                  ? "\n"
                  : "";
          Files.writeString(
              exclude,
              sep + "# blueprint's queue and workspaces\n/.blueprint/\n",
              StandardCharsets.UTF_8,
              StandardOpenOption.CREATE,
              StandardOpenOption.APPEND);
        }
      }
      return blueprintDir;
    } catch (IOException e) {
      throw new GitLayerException(
          "E_BLUEPRINT_DIR",
          "cannot create " + blueprintDir + ": " + e.getMessage(),
          blueprintDir.toString(),
          e);
    }
  }

  static String slash(Path p) {
    return p.toString().replace(File.separatorChar, '/');
  }
}
