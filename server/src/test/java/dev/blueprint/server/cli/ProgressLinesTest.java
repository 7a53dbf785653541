package dev.blueprint.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blueprint.tools.status.BsfError;
import dev.blueprint.tools.status.ErrorCode;
import dev.blueprint.tools.status.Phase;
import dev.blueprint.tools.status.TaskState;
import dev.blueprint.tools.status.sqlite.SqliteRunStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Progress lines read from a real run store file. */
class ProgressLinesTest {
  @TempDir Path tmp;

  @Test
  void printsALinePerStateChangeAndOnATerminalABarUnderThem() {
    try (SqliteRunStore store =
        SqliteRunStore.open(
            tmp.resolve("state.db"), tmp.resolve("runs"), Clock.systemUTC(), "test")) {
      String run = store.createRun("p.bp.md", "main", List.of("T1", "T2"), List.of()).id();
      StringWriter text = new StringWriter();
      try (ProgressLines p = ProgressLines.start(store, run, new PrintWriter(text), true)) {
        store.startAttempt(run, "T1", "command", null);
        store.setTaskState(
            run,
            "T2",
            TaskState.BLOCKED,
            BsfError.of(
                ErrorCode.E_DEPENDENCY_MISSING, "needs T9", "T2", Phase.EXECUTION, Instant.now()),
            "blocked");
      }
      String out = text.toString();
      assertThat(out)
          .contains("T1 running (attempt 1, command)\n")
          .contains("T2 blocked: E_DEPENDENCY_MISSING needs T9\n")
          .contains("[" + "#".repeat(15) + ".".repeat(15) + "] 1/2 done, 1 running")
          .endsWith("\n");
      assertThat(out.lines().filter(l -> l.contains("T1 running")).count()).isEqualTo(1);
    }
  }

  @Test
  void withoutATerminalThereIsNoBarAndNoControlCharacters() {
    try (SqliteRunStore store =
        SqliteRunStore.open(
            tmp.resolve("state.db"), tmp.resolve("runs"), Clock.systemUTC(), "test")) {
      String run = store.createRun("p.bp.md", "main", List.of("T1"), List.of()).id();
      StringWriter text = new StringWriter();
      try (ProgressLines p = ProgressLines.start(store, run, new PrintWriter(text), false)) {
        store.startAttempt(run, "T1", "command", null);
      }
      assertThat(text.toString()).endsWith("T1 running (attempt 1, command)\n");
      assertThat(text.toString()).doesNotContain("\r", "\033", "[#");
    }
  }
}
