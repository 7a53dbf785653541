package dev.blueprint.journal.workrate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * A real repository on disk with a history written by the test: fixed author and committer, fixed
 * commit times, no signing, and JGit reading no user or system configuration (its own HOME and an
 * empty global config under the test's temp folder).
 */
final class TestRepo implements AutoCloseable {
  static final String AUTHOR = "Test Author";
  static final String EMAIL = "author@example.test";

  private static SystemReader original;

  final Path dir;
  final Git git;

  private TestRepo(Path dir, Git git) {
    this.dir = dir;
    this.git = git;
  }

  /** Points JGit at an empty HOME and empty global and system configs under {@code sandbox}. */
  static synchronized void isolate(Path sandbox) throws IOException {
    Path home = Files.createDirectories(sandbox.resolve("home"));
    Path global = Files.writeString(home.resolve(".gitconfig"), "");
    Path system = Files.writeString(sandbox.resolve("gitconfig-system"), "");
    if (original == null) {
      original = SystemReader.getInstance();
    }
    SystemReader.setInstance(
        new SystemReader.Delegate(original) {
          @Override
          public String getenv(String name) {
            return switch (name) {
              case "HOME" -> home.toString();
              case "GIT_CONFIG_NOSYSTEM" -> "1";
              case "GIT_CONFIG_GLOBAL" -> global.toString();
              case "XDG_CONFIG_HOME" -> home.resolve(".config").toString();
              default -> name.startsWith("GIT_") ? null : super.getenv(name);
            };
          }

          @Override
          public FileBasedConfig openUserConfig(Config parent, FS fs) {
            return new FileBasedConfig(parent, global.toFile(), fs);
          }

          @Override
          public FileBasedConfig openSystemConfig(Config parent, FS fs) {
            return new FileBasedConfig(parent, system.toFile(), fs);
          }

          @Override
          public FileBasedConfig openJGitConfig(Config parent, FS fs) {
            return new FileBasedConfig(parent, sandbox.resolve("jgit-config").toFile(), fs);
          }
        });
  }

  static synchronized void restore() {
    if (original != null) {
      SystemReader.setInstance(original);
    }
  }

  static TestRepo init(Path dir) throws GitAPIException, IOException {
    Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
    var config = git.getRepository().getConfig();
    config.setBoolean("commit", null, "gpgsign", false);
    config.save();
    return new TestRepo(dir, git);
  }

  TestRepo write(String path, String... lines) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(
        file, lines.length == 0 ? "" : String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return this;
  }

  TestRepo delete(String path) throws IOException {
    Files.delete(dir.resolve(path));
    return this;
  }

  RevCommit commit(String message, Instant when) throws GitAPIException {
    git.add().addFilepattern(".").call();
    git.add().addFilepattern(".").setUpdate(true).call();
    PersonIdent who = new PersonIdent(AUTHOR, EMAIL, when, ZoneOffset.UTC);
    return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
  }

  RevCommit revert(RevCommit c, Instant when) throws GitAPIException, IOException {
    git.revert().include(c).call();
    // RevertCommand stamps the clock; amend to the fixed time so the history is reproducible.
    PersonIdent who = new PersonIdent(AUTHOR, EMAIL, when, ZoneOffset.UTC);
    return git.commit()
        .setAmend(true)
        .setMessage("Revert \"" + c.getShortMessage() + "\"")
        .setAuthor(who)
        .setCommitter(who)
        .setSign(false)
        .call();
  }

  @Override
  public void close() {
    git.close();
  }
}
