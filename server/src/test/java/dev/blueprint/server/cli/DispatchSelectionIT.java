package dev.blueprint.server.cli;

import static dev.blueprint.server.cli.RunCommandsIT.HEADER;
import static dev.blueprint.server.cli.RunCommandsIT.task;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bp dispatch --tasks} and {@code --cache} on real repositories with scripted tasks. */
class DispatchSelectionIT {
  @TempDir Path tmp;
  CommitCommandIT.Repo repo;

  @BeforeEach
  void setUp() throws Exception {
    repo = new CommitCommandIT.Repo(tmp);
    JGitIsolation.apply(tmp.resolve("home"));
    repo.git("config", "commit.gpgsign", "false");
    repo.write(".gitignore", ".blueprint/\n");
    repo.git("add", ".gitignore");
    repo.git("commit", "-q", "-m", "ignore run state");
  }

  private Path blueprint(String body) throws Exception {
    Path f = tmp.resolve("runs.bp.md");
    Files.writeString(f, HEADER + body);
    return f;
  }

  private CliRun bp(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = args[0];
    all[1] = "-C";
    all[2] = repo.dir.toString();
    System.arraycopy(args, 1, all, 3, args.length - 1);
    return CliRun.of(all);
  }

  private static final String THREE =
      task("T1", "", "echo one > one.txt", "")
          + task("T2", "T1", "cat one.txt > two.txt", "")
          + task("T3", "", "echo three > three.txt", "");

  @Test
  void tasksRunsOnlyTheNamedTasks() throws Exception {
    Path f = blueprint(THREE);

    CliRun run = bp("dispatch", f.toString(), "--tasks", "T1,T3");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("2 of 2 tasks landed");
    assertThat(repo.git("ls-tree", "--name-only", "main"))
        .contains("one.txt", "three.txt")
        .doesNotContain("two.txt");
  }

  @Test
  void aDependencyOutsideTheSelectionThatIsNotCompleteIsRefusedWithExitTwo() throws Exception {
    Path f = blueprint(THREE);

    CliRun run = bp("dispatch", f.toString(), "--tasks", "T2");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("T2 depends on T1", "not complete", f.toString());
    assertThat(repo.dir.resolve(".blueprint/state.db")).doesNotExist();
  }

  @Test
  void aDependencyCompleteInTheBlueprintLetsTheSelectedTaskRun() throws Exception {
    repo.write("one.txt", "one\n");
    repo.git("add", "one.txt");
    repo.git("commit", "-q", "-m", "T1 done by hand");
    Path f =
        blueprint(
            THREE.replaceFirst(
                "task_id: T1\nname: \"Task T1\"\nstatus: not_started",
                "task_id: T1\nname: \"Task T1\"\nstatus: complete"));
    assertThat(Files.readString(f)).contains("status: complete");

    CliRun run = bp("dispatch", f.toString(), "--tasks", "T2");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("1 of 1 tasks landed");
    assertThat(repo.git("show", "main:two.txt")).isEqualTo("one");
  }

  @Test
  void anUnknownTaskIsRefusedWithExitTwoNamingIt() throws Exception {
    Path f = blueprint(THREE);

    CliRun run = bp("dispatch", f.toString(), "--tasks", "T1,T9");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("no task T9");
    assertThat(repo.dir.resolve(".blueprint/state.db")).doesNotExist();
  }

  @Test
  void cacheReusesTheLandedResultOnASecondDispatchFromTheSameTree() throws Exception {
    Path counter = tmp.resolve("counter.txt");
    Path f = blueprint(task("T1", "", "echo ran >> " + counter + "; echo one > one.txt", ""));
    String start = repo.git("rev-parse", "main");

    CliRun first = bp("dispatch", f.toString(), "--cache");
    repo.git("reset", "-q", "--hard", start);
    CliRun second = bp("dispatch", f.toString(), "--cache");

    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(second.exit()).as(second.err()).isZero();
    assertThat(Files.readAllLines(counter)).hasSize(1);
    assertThat(second.err()).contains("T1 cached", "T1 landed");
    assertThat(repo.git("show", "main:one.txt")).isEqualTo("one");
  }
}
