package dev.blueprint.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.blueprint.tools.status.Event;
import dev.blueprint.tools.status.EventName;
import dev.blueprint.tools.status.Level;
import dev.blueprint.tools.status.StatusJson;
import io.modelcontextprotocol.spec.McpSchema.LoggingLevel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watcher on real event files, written the way the run store appends them (one line per write,
 * another process's half-written line included), and the lines clients get from events.
 */
class RunWatcherTest {
  @TempDir Path repo;

  // written by the watcher's thread too, always under the watcher's lock
  private final List<String> seen = new CopyOnWriteArrayList<>();
  private final List<Boolean> changes = new CopyOnWriteArrayList<>();
  private final RunWatcher.Listener recorder =
      new RunWatcher.Listener() {
        @Override
        public void events(String runId, List<Event> events) {
          events.forEach(e -> seen.add(runId + " " + e.event().wire() + " " + e.taskId()));
        }

        @Override
        public void looked(boolean runsChanged) {
          changes.add(runsChanged);
        }
      };

  private static Event event(String run, EventName name, String task, String state) {
    var data = JsonNodeFactory.instance.objectNode();
    if (state != null) {
      data.put("state", state);
    }
    return Event.of(
        run, name, Instant.parse("2026-11-21T10:00:00Z"), Level.INFO, task, null, "m", data);
  }

  private Path append(String run, String text) throws Exception {
    Path file = repo.resolve(".blueprint/runs/" + run + "/events.jsonl");
    Files.createDirectories(file.getParent());
    Files.writeString(
        file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    return file;
  }

  private static String line(Event e) {
    return StatusJson.write(e) + "\n";
  }

  @Test
  void runsOlderThanTheFirstLookAreListedButTheirHistoryIsNotReplayed() throws Exception {
    append("01OLD", line(event("01OLD", EventName.BLUEPRINT_START, null, null)));
    RunWatcher watcher = new RunWatcher(repo);
    watcher.look();
    watcher.add(recorder);
    try {
      assertThat(watcher.runIds()).containsExactly("01OLD");
      assertThat(seen).isEmpty();

      append("01OLD", line(event("01OLD", EventName.TASK_START, "T1", null)));
      watcher.look();
      assertThat(seen).containsExactly("01OLD task.start T1");
    } finally {
      watcher.remove(recorder);
    }
  }

  @Test
  void aNewRunIsReadFromItsFirstEventAndAHalfWrittenLineWaitsForItsEnd() throws Exception {
    RunWatcher watcher = new RunWatcher(repo);
    watcher.add(recorder);
    try {
      changes.clear();
      String start = line(event("01NEW", EventName.BLUEPRINT_START, null, null));
      String task = line(event("01NEW", EventName.TASK_COMPLETE, "T1", "landed"));
      append("01NEW", start + task.substring(0, 20));
      watcher.look();
      // the watcher's own thread may have looked first: what matters is what was reported
      assertThat(changes).contains(true);
      assertThat(seen).containsExactly("01NEW blueprint.start null");

      changes.clear();
      append("01NEW", task.substring(20));
      watcher.look();
      assertThat(seen).containsExactly("01NEW blueprint.start null", "01NEW task.complete T1");
      assertThat(changes).isNotEmpty().doesNotContain(true);
      assertThat(watcher.runIds()).containsExactly("01NEW");
    } finally {
      watcher.remove(recorder);
    }
  }

  @Test
  void aRunWhoseFolderWentIsNoLongerListed() throws Exception {
    Path file = append("01GONE", line(event("01GONE", EventName.BLUEPRINT_START, null, null)));
    RunWatcher watcher = new RunWatcher(repo);
    watcher.add(recorder);
    try {
      Files.delete(file);
      watcher.look();
      assertThat(watcher.runIds()).isEmpty();
      assertThat(changes).contains(true);
    } finally {
      watcher.remove(recorder);
    }
  }

  @Test
  void failuresAreErrorsGivingUpIsAWarningAndLocksAreDebug() {
    RunEventText failed = RunEventText.of(event("R", EventName.TASK_FAILED, "T2", "timed_out"));
    assertThat(failed.level()).isEqualTo(LoggingLevel.ERROR);
    assertThat(failed.text()).isEqualTo("T2 timed_out: m");
    assertThat(RunEventText.of(event("R", EventName.TASK_FAILED, "T3", "skipped")).level())
        .isEqualTo(LoggingLevel.WARNING);
    assertThat(RunEventText.of(event("R", EventName.LOCK_ACQUIRED, "T1", null)).level())
        .isEqualTo(LoggingLevel.DEBUG);
    assertThat(RunEventText.of(event("R", EventName.TASK_COMPLETE, "T1", "landed")).text())
        .isEqualTo("T1 landed");
    RunEventText waiting =
        RunEventText.of(event("R", EventName.TASK_CHECKPOINT, "T4", "waiting_human"));
    assertThat(waiting.text()).isEqualTo("T4 waits for approval (bp approve R T4)");
    assertThat(RunEventText.of(event("R", EventName.BLUEPRINT_FAILED, null, "failed")).level())
        .isEqualTo(LoggingLevel.ERROR);
  }
}
