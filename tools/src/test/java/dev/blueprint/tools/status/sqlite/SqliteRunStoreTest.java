package dev.blueprint.tools.status.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blueprint.tools.status.Attempt;
import dev.blueprint.tools.status.AttemptOutcome;
import dev.blueprint.tools.status.BsfError;
import dev.blueprint.tools.status.ErrorCode;
import dev.blueprint.tools.status.ErrorDetails;
import dev.blueprint.tools.status.Event;
import dev.blueprint.tools.status.EventName;
import dev.blueprint.tools.status.Phase;
import dev.blueprint.tools.status.RetryInfo;
import dev.blueprint.tools.status.Run;
import dev.blueprint.tools.status.RunState;
import dev.blueprint.tools.status.TaskRun;
import dev.blueprint.tools.status.TaskState;
import dev.blueprint.tools.status.TestClock;
import dev.blueprint.tools.status.TokenUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteRunStoreTest {
  private static final Instant T0 = Instant.parse("2026-11-21T12:00:00Z");

  @TempDir Path repo;
  private final TestClock clock = new TestClock(T0);

  private SqliteRunStore open() {
    return SqliteRunStore.openInRepository(repo, clock, "test@host");
  }

  @Test
  void createsRunWithPendingAndGatedTasksAndRecordsBlueprintStart() throws Exception {
    try (SqliteRunStore store = open()) {
      Run run = store.createRun("plan.bp.md", "main", List.of("T1", "T2", "T10"), List.of("T2"));

      assertThat(run.id()).hasSize(26);
      assertThat(run.state()).isEqualTo(RunState.RUNNING);
      assertThat(run.startedAt()).isEqualTo(T0);
      assertThat(store.tasks(run.id()))
          .extracting(TaskRun::taskId, TaskRun::state)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("T1", TaskState.PENDING),
              org.assertj.core.groups.Tuple.tuple("T2", TaskState.WAITING_HUMAN),
              org.assertj.core.groups.Tuple.tuple("T10", TaskState.PENDING));
      List<Event> events = store.events(run.id(), 0);
      assertThat(events).extracting(Event::event).containsExactly(EventName.BLUEPRINT_START);
      assertThat(events.get(0).blueprintId()).isEqualTo("plan.bp.md");
      assertThat(events.get(0).executorId()).isEqualTo("test@host");
      assertThat(Files.exists(repo.resolve(".blueprint/state.db"))).isTrue();
    }
  }

  @Test
  void recordsAttemptsRetriesAndLandingWithEventsInOrderAndMirrorsThemToJsonl() throws Exception {
    String runId;
    BsfError timeout =
        BsfError.of(ErrorCode.E_TIMEOUT, "agent exceeded PT1M", "T1", Phase.EXECUTION, T0)
            .withDetails(ErrorDetails.of(null, "partial", "", Duration.ofMinutes(1)))
            .withRetryInfo(new RetryInfo(1, 2, true));
    try (SqliteRunStore store = open()) {
      runId = store.createRun("bp.md", "main", List.of("T1"), List.of()).id();
      Attempt first = store.startAttempt(runId, "T1", "claude", "logs/T1-1.log");
      assertThat(first.number()).isEqualTo(1);
      assertThat(store.task(runId, "T1").orElseThrow().state()).isEqualTo(TaskState.RUNNING);

      clock.advance(Duration.ofMinutes(1));
      store.finishAttempt(runId, "T1", 1, AttemptOutcome.failed(TaskState.PENDING, null, timeout));
      Attempt second = store.startAttempt(runId, "T1", "claude", "logs/T1-2.log");
      assertThat(second.number()).isEqualTo(2);
      clock.advance(Duration.ofSeconds(30));
      store.finishAttempt(
          runId,
          "T1",
          2,
          AttemptOutcome.succeeded(0, new TokenUsage(100, 20, 5000, 7), 0.125, "sess-1"));
      store.setTaskState(runId, "T1", TaskState.LANDED, null, "landed abc123");
      store.finishRun(runId, RunState.SUCCEEDED, "all tasks landed");
    }

    try (SqliteRunStore reopened = open()) {
      TaskRun t = reopened.task(runId, "T1").orElseThrow();
      assertThat(t.state()).isEqualTo(TaskState.LANDED);
      assertThat(t.attempts()).isEqualTo(2);
      List<Attempt> attempts = reopened.attempts(runId, "T1");
      assertThat(attempts.get(0).error()).isEqualTo(timeout);
      assertThat(attempts.get(0).exitCode()).isNull();
      assertThat(attempts.get(0).endedAt()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
      assertThat(attempts.get(1).tokens()).isEqualTo(new TokenUsage(100, 20, 5000, 7));
      assertThat(attempts.get(1).costUsd()).isEqualTo(0.125);
      assertThat(attempts.get(1).sessionId()).isEqualTo("sess-1");
      assertThat(attempts.get(1).logPath()).isEqualTo("logs/T1-2.log");
      Run run = reopened.run(runId).orElseThrow();
      assertThat(run.state()).isEqualTo(RunState.SUCCEEDED);
      assertThat(run.endedAt()).isEqualTo(T0.plus(Duration.ofSeconds(90)));

      List<Event> events = reopened.events(runId, 0);
      assertThat(events)
          .extracting(Event::event)
          .containsExactly(
              EventName.BLUEPRINT_START,
              EventName.TASK_START,
              EventName.TASK_RETRY,
              EventName.TASK_START,
              EventName.TASK_COMPLETE,
              EventName.TASK_COMPLETE,
              EventName.BLUEPRINT_COMPLETE);
      assertThat(events.get(2).data().at("/error/code").asText()).isEqualTo("E_TIMEOUT");
      assertThat(reopened.events(runId, events.get(4).seq())).hasSize(2);

      List<String> lines =
          Files.readAllLines(repo.resolve(".blueprint/runs/" + runId + "/events.jsonl"));
      assertThat(lines).hasSize(7);
      JsonNode retry = new ObjectMapper().readTree(lines.get(2));
      assertThat(retry.get("event").asText()).isEqualTo("task.retry");
      assertThat(retry.get("task_id").asText()).isEqualTo("T1");
      assertThat(retry.get("level").asText()).isEqualTo("warn");
      assertThat(retry.get("phase").asText()).isEqualTo("execution");
      assertThat(retry.get("blueprint_id").asText()).isEqualTo("bp.md");
      assertThat(retry.get("timestamp").asText()).isEqualTo("2026-11-21T12:01:00Z");
      assertThat(retry.at("/data/error/retry_info/will_retry").asBoolean()).isTrue();
    }
  }

  @Test
  void refusedChangeLeavesNoTraceBehind() throws Exception {
    try (SqliteRunStore store = open()) {
      String runId = store.createRun("bp.md", "main", List.of("T1"), List.of()).id();
      store.startAttempt(runId, "T1", "command", null);
      store.finishAttempt(runId, "T1", 1, AttemptOutcome.succeeded(0, TokenUsage.NONE, null, null));
      store.setTaskState(runId, "T1", TaskState.LANDED, null, "landed");
      int eventsBefore = store.events(runId, 0).size();

      assertThatThrownBy(() -> store.startAttempt(runId, "T1", "command", null))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("landed");
      assertThatThrownBy(() -> store.setTaskState(runId, "T1", TaskState.PENDING, null, "again"))
          .isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(
              () ->
                  store.finishAttempt(
                      runId, "T1", 1, AttemptOutcome.succeeded(0, TokenUsage.NONE, null, null)))
          .isInstanceOf(IllegalStateException.class);

      assertThat(store.events(runId, 0)).hasSize(eventsBefore);
      assertThat(store.attempts(runId, "T1")).hasSize(1);
      assertThat(store.task(runId, "T1").orElseThrow().attempts()).isEqualTo(1);
    }
  }

  @Test
  void recordsLockEventsAndRejectsEventsOfUnknownRuns() throws Exception {
    try (SqliteRunStore store = open()) {
      String runId = store.createRun("bp.md", "main", List.of("T1"), List.of()).id();
      Event stored =
          store.record(
              Event.of(
                  runId,
                  EventName.LOCK_ACQUIRED,
                  clock.instant(),
                  dev.blueprint.tools.status.Level.INFO,
                  "T1",
                  Phase.SETUP,
                  "db",
                  null));
      assertThat(stored.seq()).isPositive();
      assertThat(stored.executorId()).isEqualTo("test@host");
      assertThatThrownBy(
              () ->
                  store.record(
                      Event.of(
                          "nope",
                          EventName.LOCK_RELEASED,
                          clock.instant(),
                          dev.blueprint.tools.status.Level.INFO,
                          null,
                          null,
                          "x",
                          null)))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(store.events(runId, 0)).extracting(Event::event).endsWith(EventName.LOCK_ACQUIRED);
    }
  }

  @Test
  void reopeningKeepsTheSchemaVersionAndDoesNotMigrateAgain() throws Exception {
    try (SqliteRunStore store = open()) {
      assertThat(store.schemaVersion()).isEqualTo(Schema.latestVersion());
      store.createRun("bp.md", "main", List.of("T1"), List.of());
    }
    try (SqliteRunStore store = open()) {
      assertThat(store.schemaVersion()).isEqualTo(Schema.latestVersion());
      assertThat(store.runs()).hasSize(1);
    }
  }

  @Test
  void runsAreListedNewestFirst() throws Exception {
    try (SqliteRunStore store = open()) {
      String a = store.createRun("a.md", "main", List.of("T1"), List.of()).id();
      clock.advance(Duration.ofSeconds(1));
      String b = store.createRun("b.md", "main", List.of("T1"), List.of()).id();
      assertThat(store.runs()).extracting(Run::id).containsExactly(b, a);
    }
  }

  @Test
  void recoveryAfterACrashEndsOpenAttemptsAndRequeuesOnlyRunningTasks() throws Exception {
    String runId;
    try (SqliteRunStore store = open()) {
      runId = store.createRun("bp.md", "main", List.of("T1", "T2", "T3"), List.of()).id();
      store.startAttempt(runId, "T1", "claude", "T1-1.log");
      store.startAttempt(runId, "T2", "claude", null);
      store.finishAttempt(runId, "T2", 1, AttemptOutcome.succeeded(0, TokenUsage.NONE, null, null));
    }
    clock.advance(Duration.ofMinutes(5));
    try (SqliteRunStore restarted = open()) {
      List<TaskRun> moved = restarted.recoverInterrupted(runId, "bp restarted");

      assertThat(moved).extracting(TaskRun::taskId).containsExactly("T1");
      assertThat(restarted.task(runId, "T1").orElseThrow().state()).isEqualTo(TaskState.PENDING);
      assertThat(restarted.task(runId, "T2").orElseThrow().state()).isEqualTo(TaskState.SUCCEEDED);
      Attempt interrupted = restarted.attempts(runId, "T1").get(0);
      assertThat(interrupted.endedAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
      assertThat(interrupted.error().message()).isEqualTo("interrupted: bp restarted");
      assertThat(restarted.startAttempt(runId, "T1", "claude", null).number()).isEqualTo(2);
      assertThat(restarted.events(runId, 0))
          .extracting(Event::event)
          .contains(EventName.TASK_RESUME);
      assertThat(restarted.recoverInterrupted(runId, "again")).hasSize(1);
    }
  }

  @Test
  void remembersCacheEntriesAndMigratesAVersionOneDatabaseWithoutLosingRuns() throws Exception {
    String runId;
    try (SqliteRunStore store = open()) {
      runId = store.createRun("bp.md", "main", List.of("T1"), List.of()).id();
      store.remember("fp1", runId, "T1", "abc123");
      assertThat(store.cached("fp1").orElseThrow().commitId()).isEqualTo("abc123");
      assertThat(store.cached("fp2")).isEmpty();
    }
    // Turn the file back into a version 1 database, as an older blueprint left it.
    try (java.sql.Connection c =
            java.sql.DriverManager.getConnection(
                "jdbc:sqlite:" + repo.resolve(".blueprint/state.db"));
        java.sql.Statement s = c.createStatement()) {
      s.execute("DROP TABLE cache");
      s.execute("PRAGMA user_version = 1");
    }
    try (SqliteRunStore store = open()) {
      assertThat(store.schemaVersion()).isEqualTo(2);
      assertThat(store.run(runId)).isPresent();
      assertThat(store.cached("fp1")).isEmpty();
      store.remember("fp1", runId, "T1", "def456");
      assertThat(store.cached("fp1").orElseThrow().commitId()).isEqualTo("def456");
    }
  }

  @Test
  void approvingReleasesOnlyATaskThatWaitsForAPerson() throws Exception {
    try (SqliteRunStore store = open()) {
      String runId = store.createRun("bp.md", "main", List.of("T1", "T2"), List.of("T2")).id();

      TaskRun released = store.approve(runId, "T2", "alice");

      assertThat(released.state()).isEqualTo(TaskState.PENDING);
      Event last = store.events(runId, 0).get(store.events(runId, 0).size() - 1);
      assertThat(last.event()).isEqualTo(EventName.TASK_RESUME);
      assertThat(last.message()).isEqualTo("approved by alice");
      assertThatThrownBy(() -> store.approve(runId, "T1", "alice"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("task T1 is pending, not waiting for approval");
      assertThatThrownBy(() -> store.approve(runId, "T9", "alice"))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
