package dev.blueprint.tools.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.blueprint.journal.git.GitCli;
import dev.blueprint.journal.git.QueueOptions;
import dev.blueprint.journal.git.jgit.JGitCommitQueue;
import dev.blueprint.tools.status.sqlite.SqliteRunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.util.FS;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wave progress, worker slots, queue depth and per-task durations of {@code status}, read from a
 * real SQLite run store driven through its API, a real blueprint file, and the real commit queue's
 * database in a real git repository (own HOME and git config).
 */
class RunStatusProgressTest {
  @TempDir Path tmp;
  Path repo;
  Path blueprint;
  final TestClock clock = new TestClock(Instant.parse("2026-11-21T09:00:00Z"));

  static String task(String id, String deps, String extra) {
    return """

        ### %s: Task %s

        ```yaml
        task_id: %s
        name: "Task %s"
        status: not_started
        dependencies: [%s]
        command: "true"
        %s
        ```
        """
        .formatted(id, id, id, id, deps, extra);
  }

  @BeforeEach
  void repository() throws Exception {
    Path home = Files.createDirectories(tmp.resolve("home"));
    repo = Files.createDirectories(tmp.resolve("repo"));
    Files.writeString(
        home.resolve(".gitconfig"),
        "[user]\n\tname = Blueprint Test\n\temail = bp-test@example.invalid\n"
            + "[commit]\n\tgpgsign = false\n");
    FS.DETECTED.setUserHome(home.toFile());
    GitCli git =
        new GitCli(
            Map.of(
                "HOME", home.toString(),
                "GIT_CONFIG_NOSYSTEM", "1",
                "GIT_CONFIG_GLOBAL", home.resolve(".gitconfig").toString()));
    git.runOrThrow(repo, "E", "init", "--quiet", "-b", "main");
    Files.writeString(repo.resolve(".gitignore"), ".blueprint/\n");
    git.runOrThrow(repo, "E", "add", "-A");
    git.runOrThrow(repo, "E", "commit", "--quiet", "-m", "initial");
    blueprint = repo.resolve("waves.bp.md");
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
            + task("T1", "", "")
            + task("T2", "", "")
            + task("G", "T1", "human_required:\n  action: approve\n  reason: a person signs off")
            + task("T3", "T1", "")
            + task("T4", "T3, G", ""));
  }

  /** Creates the run as the dispatcher does: tasks in plan order, the gated one waiting. */
  private String createRun(SqliteRunStore store) {
    return store
        .createRun(blueprint.toString(), "main", List.of("T1", "T2", "G", "T3", "T4"), List.of("G"))
        .id();
  }

  @Test
  void countsEachWaveOfThePlanAndNamesTheCurrentOne() {
    try (SqliteRunStore store = SqliteRunStore.openInRepository(repo, clock, "t")) {
      String runId = createRun(store);
      RunStatusReader reader = new RunStatusReader(store, clock, repo);

      WaveProgress fresh = reader.status(runId, null, null).orElseThrow().waveProgress();
      assertThat(fresh.total()).isEqualTo(3);
      assertThat(fresh.current()).isEqualTo(1);
      assertThat(fresh.waves())
          .extracting(WaveProgress.Wave::taskIds)
          .containsExactly(List.of("T1", "T2"), List.of("G", "T3"), List.of("T4"));

      store.startAttempt(runId, "T1", "command", null);
      clock.advance(Duration.ofSeconds(5));
      store.finishAttempt(runId, "T1", 1, AttemptOutcome.succeeded(0, TokenUsage.NONE, null, null));
      store.setTaskState(runId, "T1", TaskState.LANDED, null, "landed");
      store.startAttempt(runId, "T2", "command", null);
      store.finishAttempt(runId, "T2", 1, failed(TaskState.FAILED));
      store.startAttempt(runId, "T3", "command", null);

      RunStatus s = reader.status(runId, null, null).orElseThrow();
      WaveProgress w = s.waveProgress();
      assertThat(w.current()).isEqualTo(2);
      assertThat(w.waves().get(0))
          .isEqualTo(new WaveProgress.Wave(1, List.of("T1", "T2"), 2, 2, 1, 0));
      assertThat(w.waves().get(1))
          .isEqualTo(new WaveProgress.Wave(2, List.of("G", "T3"), 2, 0, 0, 1));
      assertThat(w.waves().get(2)).isEqualTo(new WaveProgress.Wave(3, List.of("T4"), 1, 0, 0, 0));
      assertThat(w.unplanned()).isEmpty();
      assertThat(s.tasks()).extracting(RunStatus.TaskLine::wave).containsExactly(1, 1, 2, 2, 3);

      JsonNode json = StatusJson.mapper().valueToTree(s);
      assertThat(json.at("/wave_progress/current").asInt()).isEqualTo(2);
      assertThat(json.at("/wave_progress/waves/0/done").asInt()).isEqualTo(2);
      assertThat(json.at("/wave_progress/waves/1/task_ids/1").asText()).isEqualTo("T3");
      assertThat(json.at("/tasks/3/wave").asInt()).isEqualTo(2);
    }
  }

  @Test
  void aFinishedRunHasNoCurrentWave() {
    try (SqliteRunStore store = SqliteRunStore.openInRepository(repo, clock, "t")) {
      String runId = createRun(store);
      for (String id : List.of("T1", "T2", "G", "T3", "T4")) {
        store.setTaskState(runId, id, TaskState.SKIPPED, null, "skipped");
      }
      store.finishRun(runId, RunState.FAILED, "nothing ran");

      WaveProgress w =
          new RunStatusReader(store, clock, repo)
              .status(runId, null, null)
              .orElseThrow()
              .waveProgress();
      assertThat(w.current()).isNull();
      assertThat(w.waves()).allMatch(WaveProgress.Wave::finished);
    }
  }

  @Test
  void tasksTheBlueprintNoLongerHasAreUnplannedAndAGoneBlueprintLeavesWavesOut() throws Exception {
    try (SqliteRunStore store = SqliteRunStore.openInRepository(repo, clock, "t")) {
      String runId = createRun(store);
      String text = Files.readString(blueprint);
      Files.writeString(blueprint, text.substring(0, text.indexOf("### T4")));
      RunStatusReader reader = new RunStatusReader(store, clock, repo);

      assertThat(reader.status(runId, null, null).orElseThrow().waveProgress().unplanned())
          .containsExactly("T4");

      Files.delete(blueprint);
      RunStatus gone = reader.status(runId, null, null).orElseThrow();
      assertThat(gone.waveProgress()).isNull();
      assertThat(gone.tasks()).allMatch(t -> t.wave() == null);
      assertThat(StatusJson.mapper().valueToTree(gone).has("wave_progress")).isFalse();
      assertThat(gone.workerSlots().limitSource()).isEqualTo(WorkerSlots.FROM_DEFAULT);
    }
  }

  @Test
  void workerSlotsComeFromTheBlueprintUntilTheRunRecordsItsOwnLimit() {
    try (SqliteRunStore store = SqliteRunStore.openInRepository(repo, clock, "t")) {
      String runId = createRun(store);
      store.startAttempt(runId, "T1", "command", null);
      store.startAttempt(runId, "T2", "command", null);
      RunStatusReader reader = new RunStatusReader(store, clock, repo);

      assertThat(reader.status(runId, null, null).orElseThrow().workerSlots())
          .isEqualTo(new WorkerSlots(3, 2, 1, WorkerSlots.FROM_BLUEPRINT));

      ObjectNode data = JsonNodeFactory.instance.objectNode().put("parallel", 1);
      store.record(
          Event.of(
              runId,
              EventName.TASK_CHECKPOINT,
              clock.instant(),
              Level.INFO,
              null,
              null,
              "engine started",
              data));
      RunStatus s = reader.status(runId, null, null).orElseThrow();
      assertThat(s.workerSlots()).isEqualTo(new WorkerSlots(1, 2, 0, WorkerSlots.FROM_RUN));
      JsonNode json = StatusJson.mapper().valueToTree(s);
      assertThat(json.at("/worker_slots/limit").asInt()).isEqualTo(1);
      assertThat(json.at("/worker_slots/limit_source").asText()).isEqualTo("run");
    }
  }

  @Test
  void totalDurationAddsEveryAttemptAndTheRunningOneUpToNow() {
    try (SqliteRunStore store = SqliteRunStore.openInRepository(repo, clock, "t")) {
      String runId = createRun(store);
      store.startAttempt(runId, "T2", "command", null);
      clock.advance(Duration.ofSeconds(10));
      store.finishAttempt(runId, "T2", 1, failed(TaskState.PENDING));
      clock.advance(Duration.ofSeconds(5));
      store.startAttempt(runId, "T2", "command", null);
      clock.advance(Duration.ofSeconds(20));

      RunStatus.TaskLine t2 =
          new RunStatusReader(store, clock, repo)
              .status(runId, null, null)
              .orElseThrow()
              .tasks()
              .get(1);
      assertThat(t2.attempts()).isEqualTo(2);
      assertThat(t2.durationMs()).isEqualTo(20_000L);
      assertThat(t2.totalDurationMs()).isEqualTo(30_000L);
      assertThat(
              StatusJson.mapper()
                  .valueToTree(
                      new RunStatusReader(store, clock, repo)
                          .status(runId, null, null)
                          .orElseThrow())
                  .at("/tasks/1/total_duration_ms")
                  .asLong())
          .isEqualTo(30_000L);
    }
  }

  @Test
  void queueDepthCountsChangesWaitingInTheRepositorysCommitQueue() throws Exception {
    try (SqliteRunStore store = SqliteRunStore.openInRepository(repo, clock, "t")) {
      String runId = createRun(store);
      RunStatusReader reader = new RunStatusReader(store, clock, repo);
      // No queue yet: nothing waits, and status does not create the database.
      assertThat(reader.status(runId, null, null).orElseThrow().queueDepth())
          .isEqualTo(QueueDepth.EMPTY);
      assertThat(repo.resolve(".blueprint/queue.db")).doesNotExist();

      // The real queue creates its database; the changes are put in its states directly because
      // a real change stays pending only for the moment before it lands.
      JGitCommitQueue.open(repo, QueueOptions.defaults()).close();
      try (Connection db =
          DriverManager.getConnection("jdbc:sqlite:" + repo.resolve(".blueprint/queue.db"))) {
        for (Object[] row :
            List.of(
                new Object[] {runId, "pending"},
                new Object[] {runId, "landing"},
                new Object[] {"01OTHERRUN", "pending"},
                new Object[] {runId, "landed"},
                new Object[] {null, "rejected"})) {
          try (PreparedStatement ps =
              db.prepareStatement(
                  "INSERT INTO changes (kind, target_ref, run, state, submitted_at)"
                      + " VALUES ('commit', 'refs/heads/main', ?, ?, 0)")) {
            ps.setString(1, (String) row[0]);
            ps.setString(2, (String) row[1]);
            ps.executeUpdate();
          }
        }
      }

      RunStatus s = reader.status(runId, null, null).orElseThrow();
      assertThat(s.queueDepth()).isEqualTo(new QueueDepth(3, 2));
      JsonNode json = StatusJson.mapper().valueToTree(s);
      assertThat(json.at("/queue_depth/pending").asLong()).isEqualTo(3);
      assertThat(json.at("/queue_depth/pending_for_run").asLong()).isEqualTo(2);
      assertThat(json.get("schema_version").asInt()).isEqualTo(1);
    }
  }

  @Test
  void aReaderWithoutARepositoryLeavesQueueDepthOut() {
    try (SqliteRunStore store = SqliteRunStore.openInRepository(repo, clock, "t")) {
      String runId = createRun(store);
      RunStatus s = new RunStatusReader(store, clock).status(runId, null, null).orElseThrow();
      assertThat(s.queueDepth()).isNull();
      assertThat(s.waveProgress().total()).isEqualTo(3);
    }
  }

  private AttemptOutcome failed(TaskState next) {
    return AttemptOutcome.failed(
        next,
        1,
        BsfError.of(
            ErrorCode.E_EXECUTION_FAILED, "exit 1", "T2", Phase.EXECUTION, clock.instant()));
  }
}
