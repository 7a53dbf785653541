package dev.blueprint.tools.status.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blueprint.tools.status.Attempt;
import dev.blueprint.tools.status.Event;
import dev.blueprint.tools.status.EventName;
import dev.blueprint.tools.status.Run;
import dev.blueprint.tools.status.TaskRun;
import dev.blueprint.tools.status.TaskState;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process writing the run store with SIGKILL at random moments, then checks that every
 * state change came with its event and nothing was half applied.
 */
class RunStoreKillNineIT {
  private static final int KILLS = 6;

  @TempDir Path repo;

  @Test
  void aKilledWriterNeverLeavesHalfAStateChange() throws Exception {
    Random random = new Random(42);
    for (int i = 0; i < KILLS; i++) {
      Process p =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  RunStoreCrashWriter.class.getName(),
                  repo.toString())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      try (BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        assertThat(out.readLine()).hasSize(26);
      }
      Thread.sleep(50 + random.nextInt(700));
      p.toHandle().destroyForcibly();
      p.waitFor();
    }

    try (Connection c =
            DriverManager.getConnection("jdbc:sqlite:" + repo.resolve(".blueprint/state.db"));
        ResultSet rs = c.createStatement().executeQuery("PRAGMA integrity_check")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("ok");
    }
    try (SqliteRunStore store =
        SqliteRunStore.openInRepository(repo, Clock.systemUTC(), "checker")) {
      List<Run> runs = store.runs();
      assertThat(runs).hasSize(KILLS);
      int touched = 0;
      for (Run run : runs) {
        touched += checkRun(store, run);
      }
      assertThat(touched).isPositive();
    }
  }

  /** Checks one run's invariants and returns how many of its tasks were started. */
  private int checkRun(SqliteRunStore store, Run run) throws Exception {
    List<Event> events = store.events(run.id(), 0);
    Map<String, List<Event>> byTask =
        events.stream()
            .filter(e -> e.taskId() != null)
            .collect(Collectors.groupingBy(Event::taskId));
    int started = 0;
    for (TaskRun t : store.tasks(run.id())) {
      List<Attempt> attempts = store.attempts(run.id(), t.taskId());
      List<Event> mine = byTask.getOrDefault(t.taskId(), List.of());
      Map<EventName, Long> counts =
          mine.stream().collect(Collectors.groupingBy(Event::event, Collectors.counting()));
      assertThat(t.attempts()).as(t.taskId()).isEqualTo(attempts.size());
      assertThat(counts.getOrDefault(EventName.TASK_START, 0L))
          .as(t.taskId())
          .isEqualTo(attempts.size());
      long ended = attempts.stream().filter(a -> a.endedAt() != null).count();
      long endEvents =
          counts.getOrDefault(EventName.TASK_RETRY, 0L)
              + counts.getOrDefault(EventName.TASK_COMPLETE, 0L)
              - (t.state() == TaskState.LANDED ? 1 : 0);
      assertThat(endEvents).as(t.taskId()).isEqualTo(ended);
      switch (t.state()) {
        case PENDING -> assertThat(ended).isEqualTo(attempts.size());
        case RUNNING -> assertThat(ended).isEqualTo(attempts.size() - 1);
        case SUCCEEDED, LANDED ->
            assertThat(attempts).hasSize(2).allMatch(a -> a.endedAt() != null);
        default -> throw new AssertionError("unexpected state " + t.state());
      }
      if (!attempts.isEmpty()) {
        started++;
      }
    }
    // The JSONL mirror is appended after each commit: it holds every event but possibly the last.
    Path jsonl = repo.resolve(".blueprint/runs/" + run.id() + "/events.jsonl");
    List<String> lines = Files.readAllLines(jsonl);
    assertThat(lines.size()).isBetween(events.size() - 1, events.size());
    ObjectMapper m = new ObjectMapper();
    Function<String, Long> seqOf =
        l -> {
          try {
            return m.readTree(l).get("seq").asLong();
          } catch (Exception e) {
            throw new AssertionError("half-written line: " + l, e);
          }
        };
    assertThat(lines.stream().map(seqOf).toList())
        .isEqualTo(events.subList(0, lines.size()).stream().map(Event::seq).toList());
    return started;
  }
}
