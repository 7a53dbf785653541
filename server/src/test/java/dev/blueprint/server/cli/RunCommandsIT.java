package dev.blueprint.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bp dispatch}, {@code status}, {@code aggregate} and {@code approve} on real repositories,
 * with blueprints whose tasks are scripts run by the {@code command} agent.
 */
class RunCommandsIT {
  @TempDir Path tmp;
  CommitCommandIT.Repo repo;
  private static final ObjectMapper JSON = new ObjectMapper();

  static String task(String id, String deps, String command, String extra) {
    return """

        ### %s: Task %s

        ```yaml
        task_id: %s
        name: "Task %s"
        status: not_started
        dependencies: [%s]
        command: "%s"
        %s
        ```
        """
        .formatted(id, id, id, id, deps, command, extra);
  }

  static final String HEADER =
      """
      # Runs — Blueprint

      ## Execution Configuration

      ```yaml
      execution:
        shell: bash
        max_parallel_tasks: 2
      ```
      """;

  static final String NO_RETRY = "on_failure:\n  action: block\n  max_retries: 0";

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

  private static String runIdOf(CliRun r) {
    return r.err()
        .lines()
        .filter(l -> l.startsWith("bp: run "))
        .findFirst()
        .orElseThrow()
        .substring("bp: run ".length())
        .split(" ")[0];
  }

  @Test
  void dispatchLandsEveryTaskExitsZeroAndStatusAndAggregateAgree() throws Exception {
    Path f =
        blueprint(
            task("T1", "", "echo one > one.txt", "")
                + task("T2", "", "echo two > two.txt", "")
                + task("T3", "T1, T2", "cat one.txt two.txt > both.txt", ""));

    CliRun run = bp("dispatch", f.toString(), "--parallel", "2");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("succeeded: 3 of 3 tasks landed");
    assertThat(run.err())
        .contains("T1 running (attempt 1, command)", "T1 succeeded", "T1 landed", "T3 landed");
    assertThat(repo.git("show", "main:both.txt")).isEqualTo("one\ntwo");
    assertThat(repo.git("log", "--format=%s", "-1", "main")).isEqualTo("T3: Task T3");
    String runId = runIdOf(run);

    CliRun status = bp("status", "--json");
    assertThat(status.exit()).isZero();
    JsonNode s = JSON.readTree(status.out());
    assertThat(s.get("schema_version").asInt()).isEqualTo(1);
    assertThat(s.at("/run/id").asText()).isEqualTo(runId);
    assertThat(s.at("/counts/landed").asInt()).isEqualTo(3);

    CliRun watched = bp("status", runId, "--watch");
    assertThat(watched.exit()).isZero(); // an ended run: one picture, no waiting
    assertThat(watched.out()).startsWith("run " + runId + ": succeeded").contains("3 landed");

    CliRun report = bp("aggregate", runId);
    assertThat(report.exit()).as(report.out() + report.err()).isZero();
    assertThat(report.out()).contains("(successful)", "3 of 3 tasks landed", "commits landed (3)");
    String journalLine =
        report.out().lines().filter(l -> l.startsWith("journal: ")).findFirst().orElseThrow();
    assertThat(journalLine).contains(" (committed as ");
    Path journal = Path.of(journalLine.substring(9, journalLine.indexOf(" (committed")));
    assertThat(journal).startsWith(repo.dir.resolve("sessions"));
    assertThat(Files.readString(journal)).contains(runId);
    // the journal landed through the commit queue, on the run's branch
    assertThat(repo.git("log", "-1", "--format=%s", "main")).startsWith("journal: sessions/");
  }

  @Test
  void aFailingTaskMakesDispatchAndAggregateExitOneAndIsListedWithItsError() throws Exception {
    Path f =
        blueprint(
            task("T1", "", "echo one > one.txt", "")
                + task("T2", "", "echo broken >&2; exit 4", NO_RETRY)
                + task("T3", "T2", "echo three > three.txt", ""));

    CliRun run = bp("dispatch", f.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("T2 failed: E_EXECUTION_FAILED");
    String runId = runIdOf(run);
    assertThat(repo.git("log", "--format=%s", "-1", "main")).isEqualTo("T1: Task T1");

    CliRun report = bp("aggregate", runId, "--json");
    assertThat(report.exit()).isEqualTo(1);
    JsonNode r = JSON.readTree(report.out());
    assertThat(r.get("successful").asBoolean()).isFalse();
    assertThat(r.at("/problems/0/task_id").asText()).isEqualTo("T2");
    assertThat(r.at("/problems/0/error/code").asText()).isEqualTo("E_EXECUTION_FAILED");
    assertThat(r.at("/problems/0/error/details/exit_code").asInt()).isEqualTo(4);
    assertThat(r.at("/problems/1/task_id").asText()).isEqualTo("T3");
    assertThat(r.at("/commits/0/task_id").asText()).isEqualTo("T1");
    assertThat(Path.of(r.get("journal").asText())).exists();

    CliRun status = bp("status", runId, "--task", "T2");
    assertThat(status.exit()).isZero();
    assertThat(status.out()).contains("T2", "failed", "--- log of T2");
  }

  @Test
  void aGatedTaskWaitsUntilApprovedThenAResumeLandsIt() throws Exception {
    Path f =
        blueprint(
            task("T1", "", "echo one > one.txt", "")
                + task(
                    "T2",
                    "T1",
                    "echo reviewed > review.txt",
                    "human_required:\n  action: approve\n  reason: \"a person looks\""));

    CliRun first = bp("dispatch", f.toString());
    assertThat(first.exit()).isEqualTo(1);
    String runId = runIdOf(first);
    assertThat(first.out()).contains("running: 1 of 2 tasks landed");

    assertThat(bp("approve", runId, "T1").exit()).isEqualTo(1);
    CliRun approve = bp("approve", runId, "T2", "--by", "tester");
    assertThat(approve.exit()).isZero();
    assertThat(approve.out()).contains("approved T2 of run " + runId);

    CliRun resumed = bp("dispatch", "--resume", runId);
    assertThat(resumed.exit()).as(resumed.err()).isZero();
    assertThat(repo.git("show", "main:review.txt")).isEqualTo("reviewed");
  }

  @Test
  void detachPrintsTheRunIdAndAChildProcessFinishesTheRun() throws Exception {
    Path f =
        blueprint(
            task("T1", "", "sleep 1; echo one > one.txt", "")
                + task("T2", "T1", "echo two > two.txt", ""));

    CliRun run = bp("dispatch", f.toString(), "--detach");

    assertThat(run.exit()).isZero();
    String runId = run.out().strip();
    assertThat(runId).matches("[0-9A-Z]{26}");
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    JsonNode s;
    do {
      Thread.sleep(500);
      s = JSON.readTree(bp("status", runId, "--json").out());
    } while (s.at("/run/state").asText().equals("running") && Instant.now().isBefore(deadline));
    assertThat(s.at("/run/state").asText())
        .as(Files.readString(repo.dir.resolve(".blueprint/runs/" + runId + "/dispatch.log")))
        .isEqualTo("succeeded");
    assertThat(repo.git("show", "main:two.txt")).isEqualTo("two");
    assertThat(repo.dir.resolve(".blueprint/runs/" + runId + "/dispatch.log")).exists();
  }

  @Test
  void anInvalidBlueprintIsNotDispatchedAndNoRunIsCreated() throws Exception {
    Path f = blueprint(task("T1", "T2", "true", "") + task("T2", "T1", "true", ""));

    CliRun run = bp("dispatch", f.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("T1", "E_CYCLE", "bp: not dispatched: the blueprint has errors");
    assertThat(repo.dir.resolve(".blueprint/state.db")).doesNotExist();
  }

  @Test
  void unknownRunAndMissingFileAreUsageErrors() throws Exception {
    assertThat(bp("dispatch", tmp.resolve("missing.bp.md").toString()).exit()).isEqualTo(2);
    Path f = blueprint(task("T1", "", "true", ""));
    bp("dispatch", f.toString());
    CliRun status = bp("status", "01NOSUCHRUN");
    assertThat(status.exit()).isEqualTo(2);
    assertThat(status.err()).contains("no run 01NOSUCHRUN");
  }
}
