package dev.blueprint.tools.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprint.tools.status.sqlite.SqliteRunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStatusReaderTest {
  @TempDir Path repo;

  @Test
  void reportsStatesCountsCostTokensDurationsAndALogSlice() throws Exception {
    TestClock clock = new TestClock(Instant.parse("2026-11-21T09:00:00Z"));
    Path log = repo.resolve("T1-1.stdout.log");
    Files.writeString(log, "working\ndone\n");
    try (SqliteRunStore store = SqliteRunStore.openInRepository(repo, clock, "x")) {
      String runId =
          store.createRun("bp.md", "main", List.of("T1", "T2", "T3"), List.of("T3")).id();
      store.startAttempt(runId, "T1", "claude", log.toString());
      clock.advance(Duration.ofSeconds(90));
      store.finishAttempt(
          runId, "T1", 1, AttemptOutcome.succeeded(0, new TokenUsage(10, 5, 100, 0), 0.25, "s1"));
      store.startAttempt(runId, "T2", "codex", null);
      clock.advance(Duration.ofSeconds(30));

      RunStatus s = new RunStatusReader(store, clock).status(runId, "T1", null).orElseThrow();

      assertThat(s.durationMs()).isEqualTo(120_000L);
      assertThat(s.counts())
          .containsEntry(TaskState.SUCCEEDED, 1)
          .containsEntry(TaskState.RUNNING, 1)
          .containsEntry(TaskState.WAITING_HUMAN, 1);
      assertThat(s.costUsd()).isEqualTo(0.25);
      assertThat(s.tokens()).isEqualTo(new TokenUsage(10, 5, 100, 0));
      assertThat(s.tasks().get(0).durationMs()).isEqualTo(90_000L);
      assertThat(s.tasks().get(1).durationMs()).isEqualTo(30_000L);
      assertThat(s.tasks().get(1).agent()).isEqualTo("codex");
      assertThat(s.tasks().get(2).agent()).isNull();
      assertThat(s.log().tail().text()).isEqualTo("working\ndone\n");

      JsonNode json = StatusJson.mapper().valueToTree(s);
      assertThat(json.get("schema_version").asInt()).isEqualTo(1);
      assertThat(json.at("/counts/waiting_human").asInt()).isEqualTo(1);
      assertThat(json.at("/tasks/0/task_id").asText()).isEqualTo("T1");
      assertThat(json.at("/log/tail/next_offset").asLong()).isEqualTo(13);
      assertThat(new RunStatusReader(store, clock).status("nope", null, null)).isEmpty();
    }
  }
}
