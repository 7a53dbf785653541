package dev.blueprint.tools.status.sqlite;

import dev.blueprint.tools.status.Event;
import dev.blueprint.tools.status.Run;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The run store's transactions: each write is {@code BEGIN IMMEDIATE ... COMMIT} on the store's
 * connection, with the events it records inserted inside it and mirrored to the JSONL journal only
 * once it has committed. Callers hold the store's lock.
 */
final class Transactions {
  /** Records events inside a transaction. */
  interface Tx {
    Event add(Event e);
  }

  interface Work<T> {
    T run(Tx tx) throws SQLException;
  }

  interface Query<T> {
    T run() throws SQLException;
  }

  private final Connection connection;
  private final Rows rows;
  private final EventJournal journal;
  private final String executorId;
  private final Map<String, String> blueprintIds = new HashMap<>();

  Transactions(Connection connection, Rows rows, EventJournal journal, String executorId) {
    this.connection = connection;
    this.rows = rows;
    this.journal = journal;
    this.executorId = executorId;
  }

  <T> T write(Work<T> work) {
    List<Event> stored = new ArrayList<>();
    T result;
    try (Statement s = connection.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
      try {
        result =
            work.run(
                e -> {
                  try {
                    Event done =
                        rows.insertEvent(connection, e, blueprintIdOf(e.runId()), executorId);
                    stored.add(done);
                    return done;
                  } catch (SQLException ex) {
                    throw new StoreException("cannot record event " + e.event().wire(), ex);
                  }
                });
        s.execute("COMMIT");
      } catch (SQLException | RuntimeException e) {
        s.execute("ROLLBACK");
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("run store write failed", e);
    }
    for (Event e : stored) {
      journal.append(e);
    }
    return result;
  }

  <T> T read(Query<T> query) {
    try {
      return query.run();
    } catch (SQLException e) {
      throw new StoreException("run store read failed", e);
    }
  }

  /** A run's blueprint never changes, so each run's is read once (not once per event). */
  private String blueprintIdOf(String runId) throws SQLException {
    String known = blueprintIds.get(runId);
    if (known != null) {
      return known;
    }
    String id = rows.run(connection, runId).map(Run::blueprintPath).orElse(null);
    if (id != null) {
      blueprintIds.put(runId, id);
    }
    return id;
  }
}
