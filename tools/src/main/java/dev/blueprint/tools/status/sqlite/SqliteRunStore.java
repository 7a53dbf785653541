package dev.blueprint.tools.status.sqlite;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.f4b6a3.ulid.UlidFactory;
import dev.blueprint.tools.status.Attempt;
import dev.blueprint.tools.status.AttemptOutcome;
import dev.blueprint.tools.status.BsfError;
import dev.blueprint.tools.status.CacheEntry;
import dev.blueprint.tools.status.ErrorCode;
import dev.blueprint.tools.status.Event;
import dev.blueprint.tools.status.EventName;
import dev.blueprint.tools.status.Level;
import dev.blueprint.tools.status.Phase;
import dev.blueprint.tools.status.Run;
import dev.blueprint.tools.status.RunState;
import dev.blueprint.tools.status.RunStore;
import dev.blueprint.tools.status.StatusJson;
import dev.blueprint.tools.status.TaskRun;
import dev.blueprint.tools.status.TaskState;
import dev.blueprint.tools.status.TokenUsage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sqlite.SQLiteConfig;

/**
 * {@link RunStore} on SQLite in WAL mode ({@code .blueprint/state.db}), with events mirrored to
 * {@code .blueprint/runs/<run>/events.jsonl}.
 *
 * <p>One connection per store, used under this object's lock; other processes open their own.
 * Writes use {@code BEGIN IMMEDIATE}, so a writer waits for another (up to the busy timeout) at the
 * start of its transaction instead of failing half way through it.
 */
public final class SqliteRunStore implements RunStore {
  private static final int BUSY_TIMEOUT_MS = 30_000;

  private final Connection connection;
  private final Clock clock;
  private final UlidFactory ulids;
  private final String executorId;
  private final EventJournal journal;
  private final Rows rows = new Rows();
  private final Transactions transactions;

  private SqliteRunStore(Connection connection, Clock clock, String executorId, Path runsDir) {
    this.connection = connection;
    this.clock = clock;
    this.ulids = UlidFactory.newMonotonicInstance(new SecureRandom(), clock::millis);
    this.executorId = executorId;
    this.journal = new EventJournal(runsDir);
    this.transactions = new Transactions(connection, rows, journal, executorId);
  }

  /**
   * Opens (creating and migrating if needed) the store of a repository: {@code
   * <repo>/.blueprint/state.db}, with event logs under {@code <repo>/.blueprint/runs/}.
   *
   * @param executorId names this process in event records (for example {@code pid@host})
   */
  public static SqliteRunStore openInRepository(Path repoRoot, Clock clock, String executorId) {
    Path dir = repoRoot.resolve(".blueprint");
    return open(dir.resolve("state.db"), dir.resolve("runs"), clock, executorId);
  }

  /** Opens the store at an explicit database file and event-log folder. */
  public static SqliteRunStore open(Path dbFile, Path runsDir, Clock clock, String executorId) {
    try {
      Files.createDirectories(dbFile.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dbFile.getParent(), e);
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    config.enforceForeignKeys(true);
    try {
      Connection c =
          DriverManager.getConnection(
              "jdbc:sqlite:" + dbFile.toAbsolutePath(), config.toProperties());
      Schema.migrate(c);
      return new SqliteRunStore(c, clock, executorId, runsDir);
    } catch (SQLException e) {
      throw new StoreException("cannot open run store " + dbFile, e);
    }
  }

  /** The schema version of the open database. */
  public synchronized int schemaVersion() {
    try {
      return Schema.version(connection);
    } catch (SQLException e) {
      throw new StoreException("cannot read schema version", e);
    }
  }

  @Override
  public synchronized Run createRun(
      String blueprintPath, String baseBranch, List<String> taskIds, List<String> gatedTaskIds) {
    String id = ulids.create().toString();
    Instant now = clock.instant();
    Set<String> gated = new HashSet<>(gatedTaskIds);
    Run run = new Run(id, blueprintPath, baseBranch, RunState.RUNNING, now, null);
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.put("task_count", taskIds.size());
    data.put("base_branch", baseBranch);
    return transactions.write(
        tx -> {
          rows.insertRun(connection, run);
          int ord = 0;
          for (String taskId : taskIds) {
            TaskState s = gated.contains(taskId) ? TaskState.WAITING_HUMAN : TaskState.PENDING;
            rows.insertTask(connection, id, taskId, ord++, s, now);
          }
          tx.add(event(id, EventName.BLUEPRINT_START, Level.INFO, null, null, "run started", data));
          return run;
        });
  }

  @Override
  public synchronized Optional<Run> run(String runId) {
    return transactions.read(() -> rows.run(connection, runId));
  }

  @Override
  public synchronized List<Run> runs() {
    return transactions.read(() -> rows.runs(connection));
  }

  @Override
  public synchronized Run finishRun(
      String runId, RunState state, String message, List<BsfError> errors) {
    if (!state.isFinal()) {
      throw new IllegalArgumentException("a run finishes in a final state, not " + state);
    }
    Instant now = clock.instant();
    return transactions.write(
        tx -> {
          Run before = rows.run(connection, runId).orElseThrow(() -> unknownRun(runId));
          if (before.state().isFinal()) {
            throw new IllegalStateException("run " + runId + " already ended " + before.state());
          }
          rows.updateRun(connection, runId, state, now);
          EventName name =
              state == RunState.SUCCEEDED
                  ? EventName.BLUEPRINT_COMPLETE
                  : EventName.BLUEPRINT_FAILED;
          Level level = state == RunState.SUCCEEDED ? Level.INFO : Level.ERROR;
          ObjectNode data = JsonNodeFactory.instance.objectNode().put("state", state.wire());
          if (!errors.isEmpty()) {
            data.set("errors", StatusJson.mapper().valueToTree(errors));
          }
          tx.add(event(runId, name, level, null, null, message, data));
          return new Run(
              runId, before.blueprintPath(), before.baseBranch(), state, before.startedAt(), now);
        });
  }

  @Override
  public synchronized List<TaskRun> tasks(String runId) {
    return transactions.read(() -> rows.tasks(connection, runId));
  }

  @Override
  public synchronized Optional<TaskRun> task(String runId, String taskId) {
    return transactions.read(() -> rows.task(connection, runId, taskId));
  }

  @Override
  public synchronized Attempt startAttempt(
      String runId, String taskId, String agent, String logPath) {
    Instant now = clock.instant();
    return transactions.write(
        tx -> {
          TaskRun t =
              rows.task(connection, runId, taskId).orElseThrow(() -> unknownTask(runId, taskId));
          if (t.state().isFinal() || t.state() == TaskState.RUNNING) {
            throw new IllegalStateException(
                "task " + taskId + " of run " + runId + " is " + t.state().wire());
          }
          int number = t.attempts() + 1;
          rows.updateTask(connection, runId, taskId, TaskState.RUNNING, number, now, null);
          Attempt a =
              new Attempt(
                  runId, taskId, number, agent, now, null, null, null, null, null, logPath, null);
          rows.insertAttempt(connection, a);
          ObjectNode data = JsonNodeFactory.instance.objectNode().put("attempt", number);
          data.put("agent", agent);
          tx.add(
              event(
                  runId,
                  EventName.TASK_START,
                  Level.INFO,
                  taskId,
                  Phase.EXECUTION,
                  "attempt " + number + " started",
                  data));
          return a;
        });
  }

  @Override
  public synchronized Attempt finishAttempt(
      String runId, String taskId, int attemptNumber, AttemptOutcome outcome) {
    TaskState next = outcome.nextState();
    if (next == TaskState.RUNNING || next == TaskState.LANDED) {
      throw new IllegalArgumentException("an attempt cannot end in " + next.wire());
    }
    Instant now = clock.instant();
    return transactions.write(
        tx -> {
          TaskRun t =
              rows.task(connection, runId, taskId).orElseThrow(() -> unknownTask(runId, taskId));
          Attempt a =
              rows.attempt(connection, runId, taskId, attemptNumber)
                  .orElseThrow(
                      () ->
                          new IllegalArgumentException(
                              "no attempt " + attemptNumber + " of " + taskId));
          if (a.endedAt() != null) {
            throw new IllegalStateException(
                "attempt " + attemptNumber + " of " + taskId + " already ended");
          }
          Attempt ended =
              new Attempt(
                  runId,
                  taskId,
                  attemptNumber,
                  a.agent(),
                  a.startedAt(),
                  now,
                  outcome.exitCode(),
                  outcome.tokens(),
                  outcome.costUsd(),
                  outcome.sessionId(),
                  a.logPath(),
                  outcome.error());
          rows.endAttempt(connection, ended);
          rows.updateTask(connection, runId, taskId, next, t.attempts(), now, outcome.error());
          ObjectNode data = JsonNodeFactory.instance.objectNode().put("attempt", attemptNumber);
          data.put("state", next.wire());
          if (outcome.error() != null) {
            data.set("error", StatusJson.mapper().valueToTree(outcome.error()));
          }
          EventName name =
              switch (next) {
                case SUCCEEDED -> EventName.TASK_COMPLETE;
                case PENDING -> EventName.TASK_RETRY;
                case WAITING_HUMAN -> EventName.TASK_CHECKPOINT;
                default -> EventName.TASK_FAILED;
              };
          Level level =
              name == EventName.TASK_FAILED
                  ? Level.ERROR
                  : name == EventName.TASK_RETRY ? Level.WARN : Level.INFO;
          Phase phase = outcome.error() != null ? outcome.error().phase() : Phase.EXECUTION;
          String message =
              outcome.error() != null
                  ? outcome.error().message()
                  : "attempt " + attemptNumber + " " + next.wire();
          tx.add(event(runId, name, level, taskId, phase, message, data));
          return ended;
        });
  }

  @Override
  public synchronized TaskRun setTaskState(
      String runId, String taskId, TaskState state, BsfError error, String why) {
    Instant now = clock.instant();
    return transactions.write(
        tx -> {
          TaskRun t =
              rows.task(connection, runId, taskId).orElseThrow(() -> unknownTask(runId, taskId));
          if (t.state() == TaskState.LANDED) {
            throw new IllegalStateException("task " + taskId + " already landed in run " + runId);
          }
          rows.updateTask(connection, runId, taskId, state, t.attempts(), now, error);
          ObjectNode data = JsonNodeFactory.instance.objectNode().put("state", state.wire());
          data.put("previous_state", t.state().wire());
          if (error != null) {
            data.set("error", StatusJson.mapper().valueToTree(error));
          }
          EventName name =
              switch (state) {
                case LANDED, SUCCEEDED -> EventName.TASK_COMPLETE;
                case PENDING, RUNNING -> EventName.TASK_RESUME;
                case WAITING_HUMAN -> EventName.TASK_CHECKPOINT;
                case FAILED, SKIPPED, BLOCKED, TIMED_OUT, CONFLICTED -> EventName.TASK_FAILED;
              };
          Level level = name == EventName.TASK_FAILED ? Level.ERROR : Level.INFO;
          Phase phase =
              error != null ? error.phase() : state == TaskState.LANDED ? Phase.CLEANUP : null;
          tx.add(event(runId, name, level, taskId, phase, why, data));
          return new TaskRun(runId, taskId, state, t.attempts(), now, error);
        });
  }

  @Override
  public synchronized List<Attempt> attempts(String runId, String taskId) {
    return transactions.read(() -> rows.attempts(connection, runId, taskId));
  }

  @Override
  public synchronized List<TaskRun> recoverInterrupted(String runId, String why) {
    Instant now = clock.instant();
    return transactions.write(
        tx -> {
          rows.run(connection, runId).orElseThrow(() -> unknownRun(runId));
          List<TaskRun> moved = new ArrayList<>();
          for (TaskRun t : rows.tasks(connection, runId)) {
            if (t.state() != TaskState.RUNNING) {
              continue;
            }
            BsfError error =
                BsfError.of(
                    ErrorCode.E_EXECUTION_FAILED,
                    "interrupted: " + why,
                    t.taskId(),
                    Phase.EXECUTION,
                    now);
            for (Attempt a : rows.attempts(connection, runId, t.taskId())) {
              if (a.endedAt() == null) {
                rows.endAttempt(
                    connection,
                    new Attempt(
                        runId,
                        t.taskId(),
                        a.number(),
                        a.agent(),
                        a.startedAt(),
                        now,
                        null,
                        TokenUsage.NONE,
                        null,
                        null,
                        a.logPath(),
                        error));
              }
            }
            rows.updateTask(
                connection, runId, t.taskId(), TaskState.PENDING, t.attempts(), now, error);
            ObjectNode data = JsonNodeFactory.instance.objectNode().put("state", "pending");
            data.put("previous_state", "running");
            data.put("interrupted_attempt", t.attempts());
            tx.add(
                event(
                    runId,
                    EventName.TASK_RESUME,
                    Level.WARN,
                    t.taskId(),
                    Phase.EXECUTION,
                    "interrupted: " + why,
                    data));
            moved.add(new TaskRun(runId, t.taskId(), TaskState.PENDING, t.attempts(), now, error));
          }
          return moved;
        });
  }

  @Override
  public synchronized Optional<CacheEntry> cached(String fingerprint) {
    return transactions.read(() -> rows.cached(connection, fingerprint));
  }

  @Override
  public synchronized CacheEntry remember(
      String fingerprint, String runId, String taskId, String commitId) {
    CacheEntry e = new CacheEntry(fingerprint, runId, taskId, commitId, clock.instant());
    return transactions.write(
        tx -> {
          rows.putCache(connection, e);
          return e;
        });
  }

  @Override
  public synchronized Event record(Event event) {
    return transactions.write(
        tx -> {
          rows.run(connection, event.runId()).orElseThrow(() -> unknownRun(event.runId()));
          return tx.add(event);
        });
  }

  @Override
  public synchronized List<Event> events(String runId, long afterSeq) {
    return transactions.read(() -> rows.events(connection, runId, afterSeq));
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("cannot close run store", e);
    }
  }

  private Event event(
      String runId,
      EventName name,
      Level level,
      String taskId,
      Phase phase,
      String message,
      ObjectNode data) {
    return Event.of(runId, name, clock.instant(), level, taskId, phase, message, data);
  }

  private static IllegalArgumentException unknownRun(String runId) {
    return new IllegalArgumentException("no run " + runId);
  }

  private static IllegalArgumentException unknownTask(String runId, String taskId) {
    return new IllegalArgumentException("no task " + taskId + " in run " + runId);
  }
}
