package dev.blueprint.tools.status.sqlite;

import dev.blueprint.tools.status.AttemptOutcome;
import dev.blueprint.tools.status.BsfError;
import dev.blueprint.tools.status.ErrorCode;
import dev.blueprint.tools.status.Event;
import dev.blueprint.tools.status.EventName;
import dev.blueprint.tools.status.Level;
import dev.blueprint.tools.status.Phase;
import dev.blueprint.tools.status.TaskState;
import dev.blueprint.tools.status.TokenUsage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A child process for {@link RunStoreKillNineIT}: writes a run as fast as it can until it is
 * killed. Prints the run id once the run exists.
 */
public final class RunStoreCrashWriter {
  private RunStoreCrashWriter() {}

  public static void main(String[] args) {
    Path repo = Path.of(args[0]);
    List<String> tasks = IntStream.range(0, 3_000).mapToObj(i -> "T" + i).toList();
    SqliteRunStore store = SqliteRunStore.openInRepository(repo, Clock.systemUTC(), "writer");
    String runId = store.createRun("bp.md", "main", tasks, List.of()).id();
    System.out.println(runId);
    System.out.flush();
    for (String t : tasks) {
      store.startAttempt(runId, t, "command", null);
      store.record(
          Event.of(
              runId,
              EventName.LOCK_ACQUIRED,
              Clock.systemUTC().instant(),
              Level.INFO,
              t,
              Phase.SETUP,
              "db",
              null));
      BsfError e =
          BsfError.of(
              ErrorCode.E_EXECUTION_FAILED,
              "first try fails",
              t,
              Phase.EXECUTION,
              Clock.systemUTC().instant());
      store.finishAttempt(runId, t, 1, AttemptOutcome.failed(TaskState.PENDING, 1, e));
      store.startAttempt(runId, t, "command", null);
      store.finishAttempt(
          runId, t, 2, AttemptOutcome.succeeded(0, new TokenUsage(1, 2, 3, 4), 0.5, "s"));
      store.setTaskState(runId, t, TaskState.LANDED, null, "landed");
    }
  }
}
