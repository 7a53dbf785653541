package dev.blueprint.tools.status.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blueprint.tools.status.Event;
import dev.blueprint.tools.status.EventName;
import dev.blueprint.tools.status.Level;
import dev.blueprint.tools.status.TaskRun;
import dev.blueprint.tools.status.TaskState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two stores on one database file: two SQLite connections writing at the same time. */
class ConcurrentRunStoreWritersTest {
  @TempDir Path repo;

  @Test
  void twoConnectionsWritingAtOnceLoseNothing() throws Exception {
    List<String> taskIds = IntStream.range(0, 60).mapToObj(i -> "T" + i).toList();
    try (SqliteRunStore a = SqliteRunStore.openInRepository(repo, Clock.systemUTC(), "a");
        SqliteRunStore b = SqliteRunStore.openInRepository(repo, Clock.systemUTC(), "b")) {
      String runId = a.createRun("bp.md", "main", taskIds, List.of()).id();
      ExecutorService pool = Executors.newFixedThreadPool(2);
      List<Future<?>> futures = new ArrayList<>();
      for (SqliteRunStore store : List.of(a, b)) {
        boolean even = store == a;
        futures.add(
            pool.submit(
                () -> {
                  for (int i = even ? 0 : 1; i < taskIds.size(); i += 2) {
                    String t = taskIds.get(i);
                    store.startAttempt(runId, t, "command", null);
                    store.record(
                        Event.of(
                            runId,
                            EventName.LOCK_ACQUIRED,
                            store == a ? java.time.Instant.EPOCH : java.time.Instant.EPOCH,
                            Level.INFO,
                            t,
                            null,
                            "lock",
                            null));
                    store.finishAttempt(
                        runId,
                        t,
                        1,
                        dev.blueprint.tools.status.AttemptOutcome.succeeded(
                            0, dev.blueprint.tools.status.TokenUsage.NONE, null, null));
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      pool.shutdown();

      assertThat(b.tasks(runId)).extracting(TaskRun::state).containsOnly(TaskState.SUCCEEDED);
      List<Event> events = a.events(runId, 0);
      assertThat(events).hasSize(1 + 3 * taskIds.size());
      assertThat(events).extracting(Event::seq).doesNotHaveDuplicates().isSorted();
      assertThat(events).extracting(Event::executorId).contains("a", "b");
      assertThat(Files.readAllLines(repo.resolve(".blueprint/runs/" + runId + "/events.jsonl")))
          .hasSize(events.size());
    }
  }
}
