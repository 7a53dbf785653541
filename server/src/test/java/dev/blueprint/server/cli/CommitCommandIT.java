package dev.blueprint.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.util.FS;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CommitCommandIT {
  @TempDir Path tmp;
  Repo repo;

  /** A real repository with its own HOME and git config (fixed author, no signing). */
  static final class Repo {
    final Path dir;
    final Map<String, String> env = new HashMap<>();

    Repo(Path tmp) throws Exception {
      Path home = Files.createDirectories(tmp.resolve("home"));
      Files.writeString(
          home.resolve(".gitconfig"),
          "[user]\n\tname = Blueprint Test\n\temail = bp-test@example.invalid\n[commit]\n\tgpgsign = false\n");
      FS.DETECTED.setUserHome(home.toFile());
      env.put("HOME", home.toString());
      env.put("GIT_CONFIG_NOSYSTEM", "1");
      env.put("GIT_CONFIG_GLOBAL", home.resolve(".gitconfig").toString());
      dir = Files.createDirectories(tmp.resolve("repo"));
      git("init", "-q", "-b", "main");
      git("config", "user.name", "Blueprint Test");
      git("config", "user.email", "bp-test@example.invalid");
      write("README.md", "hello\n");
      git("add", ".");
      git("commit", "-q", "-m", "initial");
    }

    String git(String... args) throws Exception {
      List<String> cmd = new ArrayList<>(List.of("git"));
      cmd.addAll(Arrays.asList(args));
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
      pb.environment().putAll(env);
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor()).as("git %s: %s", String.join(" ", args), out).isZero();
      return out.strip();
    }

    void write(String path, String content) throws IOException {
      Path p = dir.resolve(path);
      Files.createDirectories(p.getParent());
      Files.writeString(p, content);
    }
  }

  /** Exit code, stdout and stderr of one in-process run of {@code bp}. */
  record Run(int exit, String out, String err) {}

  static Run bp(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @BeforeEach
  void setUp() throws Exception {
    repo = new Repo(tmp);
  }

  @Test
  void commitLandsTheNamedFilesWithTrailersAndPrintsJson() throws Exception {
    repo.write("src/a.txt", "a\n");
    repo.write("src/b.txt", "not this one\n");
    Run r =
        bp(
            "commit",
            "-C",
            repo.dir.toString(),
            "-m",
            "Add a",
            "--task",
            "T7",
            "--agent",
            "codex",
            "--json",
            "src/a.txt");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("schema_version").asInt()).isEqualTo(1);
    assertThat(j.get("state").asText()).isEqualTo("landed");
    assertThat(j.get("commit").asText()).isEqualTo(repo.git("rev-parse", "HEAD"));
    assertThat(repo.git("log", "-1", "--format=%B"))
        .isEqualTo("Add a\n\nBlueprint-Task: T7\nAgent: codex");
    assertThat(repo.git("status", "--porcelain")).isEqualTo("?? src/b.txt");
  }

  @Test
  void commitWithoutPathsTakesEveryChangedFileAndSaysWhenThereIsNothing() throws Exception {
    repo.write("README.md", "changed\n");
    repo.write("new.txt", "new\n");
    Run r = bp("commit", "-C", repo.dir.toString(), "-m", "everything");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("landed change 1 on main as ");
    assertThat(repo.git("show", "--name-only", "--format=", "HEAD"))
        .isEqualTo("README.md\nnew.txt");
    Run again = bp("commit", "-C", repo.dir.toString(), "-m", "nothing");
    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.out().strip()).isEqualTo("nothing to commit");
  }

  @Test
  void landingABranchNeverOverwritesAnUncommittedFileWhichThenLandsOnTop() throws Exception {
    // Another agent's worker branch changed README.md from the same base and landed first.
    repo.git("branch", "bp/r/other");
    Path wt = tmp.resolve("other");
    repo.git("worktree", "add", "-q", wt.toString(), "bp/r/other");
    Files.writeString(wt.resolve("README.md"), "theirs\n");
    repo.git("-C", wt.toString(), "commit", "-q", "-am", "theirs");
    repo.write("README.md", "mine\n");
    // Submit mine against the old base first, then land theirs, then mine.
    Run theirs = bp("commit", "-C", repo.dir.toString(), "--branch", "bp/r/other");
    assertThat(theirs.exit()).as(theirs.err()).isZero();
    assertThat(repo.git("show", "main:README.md")).isEqualTo("theirs");
    assertThat(Files.readString(repo.dir.resolve("README.md")))
        .isEqualTo("mine\n"); // never overwritten
    // The checkout's HEAD moved, so "mine" is now a change against "theirs": it lands cleanly.
    Run mine = bp("commit", "-C", repo.dir.toString(), "-m", "mine", "README.md");
    assertThat(mine.exit()).as(mine.err()).isZero();
    assertThat(repo.git("log", "--format=%s", "main")).isEqualTo("mine\ntheirs\ninitial");
  }

  @Test
  void pathsOutsideTheRepositoryAreAUsageError() {
    Run r = bp("commit", "-C", repo.dir.toString(), "-m", "escape", "../etc.txt");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("bp: path resolves outside").doesNotContain("Exception");
    Run noMessage = bp("commit", "-C", repo.dir.toString(), "README.md");
    assertThat(noMessage.exit()).isEqualTo(2);
  }

  @Test
  void manyBpCommitProcessesAtOnceAllLandWithoutIndexLockFailures() throws Exception {
    int shells = 4;
    int commitsEach = 3;
    List<Process> procs = new ArrayList<>();
    List<Path> logs = new ArrayList<>();
    for (int s = 0; s < shells; s++) {
      // Each "shell" runs its commits one after another, as a person or agent would.
      StringBuilder script = new StringBuilder("set -e\n");
      for (int i = 0; i < commitsEach; i++) {
        String file = "shell" + s + "/f" + i + ".txt";
        script
            .append("mkdir -p shell")
            .append(s)
            .append(" && echo ")
            .append(i)
            .append(" > ")
            .append(file)
            .append('\n')
            .append(javaCommand())
            .append(" commit -m 'shell ")
            .append(s)
            .append(" commit ")
            .append(i)
            .append("' ")
            .append(file)
            .append('\n');
      }
      Path log = tmp.resolve("shell" + s + ".log");
      logs.add(log);
      ProcessBuilder pb =
          new ProcessBuilder("sh", "-c", script.toString())
              .directory(repo.dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      pb.environment().putAll(repo.env);
      procs.add(pb.start());
    }
    for (int s = 0; s < shells; s++) {
      assertThat(procs.get(s).waitFor(170, TimeUnit.SECONDS)).isTrue();
      String log = Files.readString(logs.get(s));
      assertThat(procs.get(s).exitValue()).as(log).isZero();
      assertThat(log).doesNotContain("index.lock").doesNotContain("Exception");
    }
    List<String> subjects = List.of(repo.git("log", "--format=%s", "main").split("\n"));
    assertThat(subjects).hasSize(shells * commitsEach + 1).doesNotHaveDuplicates();
    for (int s = 0; s < shells; s++) {
      for (int i = 0; i < commitsEach; i++) {
        assertThat(subjects).contains("shell " + s + " commit " + i);
      }
    }
    assertThat(repo.git("rev-list", "--min-parents=2", "main")).isEmpty();
    assertThat(repo.git("status", "--porcelain")).isEmpty();
  }

  private static String javaCommand() {
    return "'"
        + Path.of(System.getProperty("java.home"), "bin", "java")
        + "' -XX:TieredStopAtLevel=1 -cp '"
        + System.getProperty("java.class.path")
        + "' "
        + Main.class.getName();
  }
}
