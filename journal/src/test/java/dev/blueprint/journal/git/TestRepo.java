package dev.blueprint.journal.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.util.FS;

/**
 * A real repository on disk for tests, with its own HOME and global git config (fixed author, no
 * signing, default branch main), so nothing reads the developer's configuration.
 */
public final class TestRepo {
  public static final PersonIdent COMMITTER =
      new PersonIdent("Blueprint Test", "bp-test@example.invalid");

  public final Path home;
  public final Path dir;
  public final Map<String, String> env;
  public final GitCli git;

  private TestRepo(Path home, Path dir) {
    this.home = home;
    this.dir = dir;
    this.env =
        Map.of(
            "HOME", home.toString(),
            "XDG_CONFIG_HOME", home.resolve(".config").toString(),
            "GIT_CONFIG_NOSYSTEM", "1",
            "GIT_CONFIG_GLOBAL", home.resolve(".gitconfig").toString(),
            "GIT_AUTHOR_NAME", COMMITTER.getName(),
            "GIT_AUTHOR_EMAIL", COMMITTER.getEmailAddress(),
            "GIT_COMMITTER_NAME", COMMITTER.getName(),
            "GIT_COMMITTER_EMAIL", COMMITTER.getEmailAddress());
    this.git = new GitCli(env);
  }

  /** A repository in {@code tmp}/repo with one commit holding README.md. */
  public static TestRepo create(Path tmp) throws IOException {
    Path home = Files.createDirectories(tmp.resolve("home"));
    Files.writeString(
        home.resolve(".gitconfig"),
        "[user]\n\tname = Blueprint Test\n\temail = bp-test@example.invalid\n"
            + "[commit]\n\tgpgsign = false\n[init]\n\tdefaultBranch = main\n"
            + "[core]\n\tautocrlf = false\n");
    FS.DETECTED.setUserHome(home.toFile());
    Path dir = Files.createDirectories(tmp.resolve("repo"));
    TestRepo r = new TestRepo(home, dir);
    r.git("init", "--quiet", "-b", "main");
    r.git("config", "user.name", COMMITTER.getName());
    r.git("config", "user.email", COMMITTER.getEmailAddress());
    r.write("README.md", "hello\n");
    r.git("add", "README.md");
    r.git("commit", "--quiet", "-m", "initial");
    return r;
  }

  public String git(String... args) {
    return git.runOrThrow(dir, "E_TEST", args).strip();
  }

  public GitCli.Result tryGit(String... args) {
    return git.run(dir, args);
  }

  public Path write(String path, String content) throws IOException {
    Path p = dir.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
    return p;
  }

  public String read(String path) throws IOException {
    return Files.readString(dir.resolve(path));
  }

  public String head() {
    return git("rev-parse", "HEAD");
  }

  /** Commit subjects on main, oldest first. */
  public List<String> subjects() {
    return new ArrayList<>(
        Arrays.asList(git("log", "--reverse", "--format=%s", "main").split("\n")));
  }

  public QueueOptions options() {
    return QueueOptions.defaults().withGit(git).withCommitter(COMMITTER);
  }
}
