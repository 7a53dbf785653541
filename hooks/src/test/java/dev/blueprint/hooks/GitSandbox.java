package dev.blueprint.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * A real git repository driven through the git CLI and JGit, isolated from the developer's
 * configuration: its own HOME, GIT_CONFIG_NOSYSTEM, a global config file in the sandbox, a fixed
 * author and committer, no signing. JGit gets the same isolation through its SystemReader.
 */
public final class GitSandbox {
  private final Path home;
  private final Path repo;

  public GitSandbox(Path root) throws Exception {
    this.home = root.resolve("home");
    this.repo = root.resolve("repo");
    Files.createDirectories(home);
    Files.createDirectories(repo);
    Files.writeString(
        home.resolve("gitconfig"), "[commit]\n\tgpgsign = false\n[init]\n\tdefaultBranch = main\n");
    isolateJGit(home);
    run(repo, "git", "init", "-q");
  }

  public Path repo() {
    return repo;
  }

  public Path home() {
    return home;
  }

  /** The environment every child process of a test gets. */
  public Map<String, String> env() {
    return Map.of(
        "HOME", home.toString(),
        "GIT_CONFIG_NOSYSTEM", "1",
        "GIT_CONFIG_GLOBAL", home.resolve("gitconfig").toString(),
        "GIT_AUTHOR_NAME", "Test Author",
        "GIT_AUTHOR_EMAIL", "author@example.com",
        "GIT_COMMITTER_NAME", "Test Author",
        "GIT_COMMITTER_EMAIL", "author@example.com",
        "GIT_AUTHOR_DATE", "2026-01-12T22:00:00Z",
        "GIT_COMMITTER_DATE", "2026-01-12T22:00:00Z");
  }

  /** Commits a file with the git CLI, so installed hooks run. */
  public void commit(String path, String content, String message) throws Exception {
    Files.writeString(repo.resolve(path), content, StandardCharsets.UTF_8);
    run(repo, "git", "add", path);
    run(repo, "git", "commit", "-q", "-m", message);
  }

  /**
   * Runs a command in {@code dir} with the sandbox environment; fails the test on non-zero exit.
   */
  public String run(Path dir, String... command) throws Exception {
    return run(dir, Map.of(), null, command).stdout();
  }

  /** Result of a child process. */
  public record Result(int exit, String stdout, String stderr) {}

  public Result run(Path dir, Map<String, String> extraEnv, String stdin, String... command)
      throws Exception {
    ProcessBuilder pb = new ProcessBuilder(List.of(command)).directory(dir.toFile());
    pb.environment().putAll(env());
    pb.environment().remove("CLAUDE_PROJECT_DIR");
    pb.environment().putAll(extraEnv);
    Path out = Files.createTempFile(home, "out", ".txt");
    Path err = Files.createTempFile(home, "err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    try (var in = p.getOutputStream()) {
      if (stdin != null) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
    }
    assertThat(p.waitFor(30, TimeUnit.SECONDS))
        .as("process ended: " + String.join(" ", command))
        .isTrue();
    Result r = new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    if (stdin == null && extraEnv.isEmpty()) {
      assertThat(r.exit()).as(String.join(" ", command) + "\n" + r.stderr()).isZero();
    }
    return r;
  }

  /** Non-blank lines of {@code git log} output for the sandbox repo. */
  public List<String> log(String format) throws Exception {
    List<String> lines = new ArrayList<>();
    for (String line : run(repo, "git", "log", "--format=" + format).split("\n")) {
      if (!line.isBlank()) {
        lines.add(line);
      }
    }
    return lines;
  }

  private static void isolateJGit(Path home) {
    SystemReader base = SystemReader.getInstance();
    if (base instanceof Isolated) {
      base = ((Isolated) base).base;
    }
    SystemReader.setInstance(new Isolated(base, home));
  }

  private static final class Isolated extends SystemReader.Delegate {
    private final SystemReader base;
    private final Path home;

    Isolated(SystemReader base, Path home) {
      super(base);
      this.base = base;
      this.home = home;
    }

    @Override
    public FileBasedConfig openUserConfig(Config parent, FS fs) {
      return new FileBasedConfig(parent, new File(home.toFile(), "gitconfig"), fs);
    }

    @Override
    public FileBasedConfig openSystemConfig(Config parent, FS fs) {
      return new FileBasedConfig(parent, new File(home.toFile(), "no-system-gitconfig"), fs);
    }

    @Override
    public FileBasedConfig openJGitConfig(Config parent, FS fs) {
      return new FileBasedConfig(parent, new File(home.toFile(), "jgitconfig"), fs);
    }
  }
}
