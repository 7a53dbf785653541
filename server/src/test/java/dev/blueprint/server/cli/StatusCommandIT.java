package dev.blueprint.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blueprint.tools.status.AttemptOutcome;
import dev.blueprint.tools.status.BsfError;
import dev.blueprint.tools.status.ErrorCode;
import dev.blueprint.tools.status.Phase;
import dev.blueprint.tools.status.RunState;
import dev.blueprint.tools.status.TaskState;
import dev.blueprint.tools.status.TokenUsage;
import dev.blueprint.tools.status.sqlite.SqliteRunStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code bp status} through {@code Main.commandLine()} on a real repository whose run store (real
 * SQLite) is driven through the store's API into the states a run passes through.
 */
class StatusCommandIT {
  @TempDir Path tmp;
  CommitCommandIT.Repo repo;
  Path blueprint;
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeEach
  void setUp() throws Exception {
    repo = new CommitCommandIT.Repo(tmp);
    JGitIsolation.apply(tmp.resolve("home"));
    blueprint = tmp.resolve("waves.bp.md");
    Files.writeString(
        blueprint,
        """
        # Waves — Blueprint

        ## Execution Configuration

        ```yaml
        execution:
          shell: bash
          max_parallel_tasks: 3
        ```
        """
            + RunCommandsIT.task("T1", "", "true", "")
            + RunCommandsIT.task("T2", "", "true", "")
            + RunCommandsIT.task("T3", "T1", "true", "")
            + RunCommandsIT.task("T4", "T3", "true", ""));
  }

  private SqliteRunStore store() {
    return SqliteRunStore.openInRepository(repo.dir, Clock.systemUTC(), "status-it");
  }

  /** T1 landed, T2 failed after two attempts, T3 running: the run is in wave 2. */
  private String runInWaveTwo(SqliteRunStore store, Path log) throws Exception {
    String run =
        store
            .createRun(blueprint.toString(), "main", List.of("T1", "T2", "T3", "T4"), List.of())
            .id();
    store.startAttempt(run, "T1", "command", null);
    store.finishAttempt(run, "T1", 1, AttemptOutcome.succeeded(0, TokenUsage.NONE, null, null));
    store.setTaskState(run, "T1", TaskState.LANDED, null, "landed");
    for (int attempt = 1; attempt <= 2; attempt++) {
      store.startAttempt(run, "T2", "command", null);
      store.finishAttempt(
          run,
          "T2",
          attempt,
          AttemptOutcome.failed(
              attempt == 1 ? TaskState.PENDING : TaskState.FAILED,
              3,
              BsfError.of(
                  ErrorCode.E_EXECUTION_FAILED, "exit 3", "T2", Phase.EXECUTION, Instant.now())));
    }
    store.startAttempt(run, "T3", "command", log == null ? null : log.toString());
    return run;
  }

  private CliRun bp(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "status";
    all[1] = "-C";
    all[2] = repo.dir.toString();
    System.arraycopy(args, 0, all, 3, args.length);
    return CliRun.of(all);
  }

  @Test
  void jsonAddsWaveProgressWorkerSlotsQueueDepthAndTaskDurationsToTheFieldsItHad()
      throws Exception {
    String run;
    try (SqliteRunStore store = store()) {
      run = runInWaveTwo(store, null);
    }
    CliRun status = bp(run, "--json");

    assertThat(status.exit()).as(status.err()).isZero();
    JsonNode s = JSON.readTree(status.out());
    assertThat(s.get("schema_version").asInt()).isEqualTo(1);
    assertThat(s.at("/run/id").asText()).isEqualTo(run);
    assertThat(s.at("/run/state").asText()).isEqualTo("running");
    assertThat(s.has("duration_ms")).isTrue();
    assertThat(s.at("/counts/landed").asInt()).isEqualTo(1);
    assertThat(s.at("/wave_progress/current").asInt()).isEqualTo(2);
    assertThat(s.at("/wave_progress/total").asInt()).isEqualTo(3);
    assertThat(s.at("/wave_progress/waves/0/done").asInt()).isEqualTo(2);
    assertThat(s.at("/wave_progress/waves/0/landed").asInt()).isEqualTo(1);
    assertThat(s.at("/wave_progress/waves/1/running").asInt()).isEqualTo(1);
    assertThat(s.at("/worker_slots/limit").asInt()).isEqualTo(3);
    assertThat(s.at("/worker_slots/busy").asInt()).isEqualTo(1);
    assertThat(s.at("/worker_slots/free").asInt()).isEqualTo(2);
    assertThat(s.at("/worker_slots/limit_source").asText()).isEqualTo("blueprint");
    assertThat(s.at("/queue_depth/pending").asLong()).isZero();
    assertThat(s.at("/tasks/1/task_id").asText()).isEqualTo("T2");
    assertThat(s.at("/tasks/1/attempts").asInt()).isEqualTo(2);
    assertThat(s.at("/tasks/1/wave").asInt()).isEqualTo(1);
    assertThat(s.at("/tasks/1/total_duration_ms").asLong())
        .isGreaterThanOrEqualTo(s.at("/tasks/1/duration_ms").asLong());
    assertThat(s.at("/tasks/1/error/code").asText()).isEqualTo("E_EXECUTION_FAILED");
    assertThat(s.at("/tasks/3/wave").asInt()).isEqualTo(3);
    // status only reads: it creates no commit queue database
    assertThat(repo.dir.resolve(".blueprint/queue.db")).doesNotExist();
  }

  @Test
  void textShowsTheCurrentWaveTheWorkersTheQueueAndALogSliceToContinueFrom() throws Exception {
    Path log = tmp.resolve("T3.stdout.log");
    Files.writeString(log, "step one\nstep two\n");
    String run;
    try (SqliteRunStore store = store()) {
      run = runInWaveTwo(store, log);
    }
    CliRun status = bp(run, "--task", "T3");

    assertThat(status.exit()).as(status.err()).isZero();
    assertThat(status.out())
        .contains("run " + run + ": running")
        .contains("1 pending, 1 running, 1 landed, 1 failed")
        .contains("waves: wave 2 of 3 (1: 2/2, 2: 0/1, 3: 0/1)")
        .contains("workers: 1 of 3 busy (limit from blueprint)")
        .contains("queue: 0 changes waiting (0 of this run)")
        .contains("T2           failed        attempt 2 (command)")
        .contains("--- log of T3 (" + log + "; continue with --log-offset 18) ---\nstep one\n");

    Files.writeString(log, "step three\n", java.nio.file.StandardOpenOption.APPEND);
    CliRun more = bp(run, "--task", "T3", "--log-offset", "18", "--json");
    JsonNode tail = JSON.readTree(more.out()).at("/log/tail");
    assertThat(tail.get("text").asText()).isEqualTo("step three\n");
    assertThat(tail.get("offset").asLong()).isEqualTo(18);
    assertThat(tail.get("next_offset").asLong()).isEqualTo(29);
  }

  @Test
  void watchWithoutATerminalPrintsAPlainBlockPerChangeUntilTheRunEnds() throws Exception {
    String run;
    try (SqliteRunStore store = store()) {
      run = runInWaveTwo(store, null);
    }
    StringWriter out = new StringWriter();
    AtomicInteger exit = new AtomicInteger(-1);
    Thread watcher =
        new Thread(
            () -> {
              CommandLine cli = Main.commandLine();
              cli.setOut(new PrintWriter(out, true));
              cli.setErr(new PrintWriter(new StringWriter(), true));
              exit.set(cli.execute("status", "-C", repo.dir.toString(), run, "--watch"));
            });
    watcher.start();
    awaitText(out, "waves: wave 2 of 3");
    // Time passes with nothing happening: no new block.
    Thread.sleep(2_500);
    assertThat(blocks(out.toString())).isEqualTo(1);

    try (SqliteRunStore store = store()) {
      store.finishAttempt(run, "T3", 1, AttemptOutcome.succeeded(0, TokenUsage.NONE, null, null));
      store.setTaskState(run, "T3", TaskState.LANDED, null, "landed");
      awaitText(out, "waves: wave 3 of 3");
      store.setTaskState(run, "T4", TaskState.BLOCKED, null, "blocked");
      store.finishRun(run, RunState.FAILED, "T2 failed");
    }
    watcher.join(Duration.ofSeconds(20).toMillis());

    assertThat(watcher.isAlive()).isFalse();
    assertThat(exit.get()).isZero();
    String text = out.toString();
    assertThat(text).doesNotContain("\033[").doesNotContain("[###");
    assertThat(blocks(text)).isEqualTo(3);
    assertThat(text).contains("run " + run + ": failed").contains("waves: all 3 done");
  }

  private static int blocks(String text) {
    return (int) text.lines().filter(l -> l.startsWith("run ")).count();
  }

  private static void awaitText(StringWriter out, String text) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!out.toString().contains(text)) {
      assertThat(System.nanoTime()).as("waiting for %s in:%n%s", text, out).isLessThan(until);
      Thread.sleep(50);
    }
  }
}
