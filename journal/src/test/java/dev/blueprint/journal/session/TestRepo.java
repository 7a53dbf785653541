package dev.blueprint.journal.session;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * A real git repository on disk for tests, made with JGit. The user and system git configs are
 * replaced by empty files under the test's folder, so nothing reads the developer's {@code
 * ~/.gitconfig}; commits carry a fixed author and time and are never signed.
 */
final class TestRepo implements AutoCloseable {
  private final Git git;
  private final Path dir;
  private long tick = Instant.parse("2026-01-12T22:00:00Z").getEpochSecond();

  private TestRepo(Git git, Path dir) {
    this.git = git;
    this.dir = dir;
  }

  static TestRepo create(Path dir) throws GitAPIException, IOException {
    isolateConfig(dir.resolveSibling(dir.getFileName() + "-home"));
    Files.createDirectories(dir);
    Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
    return new TestRepo(git, dir);
  }

  Path dir() {
    return dir;
  }

  RevCommit commit(String message, String path, String content) throws Exception {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
    git.add().addFilepattern(path).call();
    PersonIdent who =
        new PersonIdent(
            "Test Author",
            "author@example.com",
            Instant.ofEpochSecond(tick += 60),
            java.time.ZoneOffset.UTC);
    return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
  }

  @Override
  public void close() {
    git.close();
  }

  private static void isolateConfig(Path home) throws IOException {
    Files.createDirectories(home);
    SystemReader base = SystemReader.getInstance();
    if (base instanceof Isolated) {
      return;
    }
    SystemReader.setInstance(new Isolated(base, home));
  }

  /** Keeps everything of the real system reader except where configs are read from. */
  private static final class Isolated extends SystemReader.Delegate {
    private final Path home;

    Isolated(SystemReader base, Path home) {
      super(base);
      this.home = home;
    }

    @Override
    public FileBasedConfig openUserConfig(Config parent, FS fs) {
      return new FileBasedConfig(parent, new File(home.toFile(), "gitconfig"), fs);
    }

    @Override
    public FileBasedConfig openSystemConfig(Config parent, FS fs) {
      return new FileBasedConfig(parent, new File(home.toFile(), "gitconfig-system"), fs);
    }

    @Override
    public FileBasedConfig openJGitConfig(Config parent, FS fs) {
      return new FileBasedConfig(parent, new File(home.toFile(), "jgitconfig"), fs);
    }
  }
}
