package dev.blueprint.journal.git.jgit;

import dev.blueprint.journal.git.GitLayerException;
import dev.blueprint.journal.git.Trailers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The queue's durable record in SQLite (WAL): every change with its captured edits and its state,
 * and for the landing in progress the tip it expects and the commit it is about to publish. Every
 * write is one transaction, so a kill at any moment leaves either the old or the new state.
 */
final class QueueStore implements AutoCloseable {
  private final Connection db;
  private final String where;

  QueueStore(Path file) {
    this.where = file.toString();
    try {
      db = DriverManager.getConnection("jdbc:sqlite:" + file);
      try (Statement s = db.createStatement()) {
        s.execute("PRAGMA busy_timeout=30000");
        s.execute("PRAGMA journal_mode=WAL");
        // NORMAL in WAL mode survives a killed process (not power loss), which is what the queue
        // promises; FULL would fsync on every submit.
        s.execute("PRAGMA synchronous=NORMAL");
        s.execute(
            "CREATE TABLE IF NOT EXISTS changes ("
                + "id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, target_ref TEXT NOT NULL,"
                + " message TEXT, run TEXT, task TEXT, agent TEXT, session_id TEXT,"
                + " author_name TEXT, author_email TEXT, author_when INTEGER, author_tz INTEGER,"
                + " base_commit TEXT, source_branch TEXT, source_commit TEXT,"
                + " state TEXT NOT NULL, expected_old TEXT, new_commit TEXT, landed_commit TEXT,"
                + " code TEXT, exit_code INTEGER, paths TEXT, detail TEXT,"
                + " submitted_at INTEGER NOT NULL, decided_at INTEGER)");
        s.execute("CREATE INDEX IF NOT EXISTS changes_state ON changes(state, id)");
        s.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)");
        s.execute(
            "CREATE TABLE IF NOT EXISTS edits (change_id INTEGER NOT NULL, path TEXT NOT NULL,"
                + " mode INTEGER, object_id TEXT, PRIMARY KEY (change_id, path))");
      }
    } catch (SQLException e) {
      throw fail("cannot open the queue database", e);
    }
  }

  synchronized long insert(QueueRecord r, SortedMap<String, TreeEntry> edits) {
    try {
      db.setAutoCommit(false);
      long id;
      try (PreparedStatement ps =
          db.prepareStatement(
              "INSERT INTO changes (kind, target_ref, message, run, task, agent, session_id,"
                  + " author_name, author_email, author_when, author_tz, base_commit,"
                  + " source_branch, source_commit, state, paths, submitted_at)"
                  + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,'pending',?,?)",
              Statement.RETURN_GENERATED_KEYS)) {
        ps.setString(1, r.kind());
        ps.setString(2, r.targetRef());
        ps.setString(3, r.message());
        ps.setString(4, r.trailers().run());
        ps.setString(5, r.trailers().task());
        ps.setString(6, r.trailers().agent());
        ps.setString(7, r.trailers().sessionId());
        ps.setString(8, r.authorName());
        ps.setString(9, r.authorEmail());
        ps.setLong(10, r.authorWhenMillis());
        ps.setInt(11, r.authorTzMinutes());
        ps.setString(12, r.baseCommit());
        ps.setString(13, r.sourceBranch());
        ps.setString(14, r.sourceCommit());
        ps.setString(15, edits.isEmpty() ? null : String.join("\n", edits.keySet()));
        ps.setLong(16, r.submittedAtMillis());
        ps.executeUpdate();
        try (ResultSet keys = ps.getGeneratedKeys()) {
          keys.next();
          id = keys.getLong(1);
        }
      }
      try (PreparedStatement ps =
          db.prepareStatement(
              "INSERT INTO edits (change_id, path, mode, object_id) VALUES (?,?,?,?)")) {
        for (Map.Entry<String, TreeEntry> e : edits.entrySet()) {
          ps.setLong(1, id);
          ps.setString(2, e.getKey());
          if (e.getValue() == null) {
            ps.setNull(3, Types.INTEGER);
            ps.setNull(4, Types.VARCHAR);
          } else {
            ps.setInt(3, e.getValue().mode().getBits());
            ps.setString(4, e.getValue().id().name());
          }
          ps.addBatch();
        }
        ps.executeBatch();
      }
      db.commit();
      return id;
    } catch (SQLException e) {
      rollback();
      throw fail("cannot record the change", e);
    } finally {
      autoCommit();
    }
  }

  synchronized SortedMap<String, TreeEntry> edits(long id) {
    SortedMap<String, TreeEntry> out = new TreeMap<>();
    try (PreparedStatement ps =
        db.prepareStatement("SELECT path, mode, object_id FROM edits WHERE change_id=?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String oid = rs.getString(3);
          out.put(
              rs.getString(1),
              oid == null
                  ? null
                  : new TreeEntry(FileMode.fromBits(rs.getInt(2)), ObjectId.fromString(oid)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw fail("cannot read the change's edits", e);
    }
  }

  /** A small piece of queue state (e.g. the tip the checkout was last synced to), or null. */
  synchronized String meta(String key) {
    try (PreparedStatement ps = db.prepareStatement("SELECT value FROM meta WHERE key=?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    } catch (SQLException e) {
      throw fail("cannot read queue state", e);
    }
  }

  /** Sets (or with null, removes) a piece of queue state. */
  synchronized void meta(String key, String value) {
    if (value == null) {
      update("DELETE FROM meta WHERE key=?", key);
    } else {
      update(
          "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value",
          key,
          value);
    }
  }

  synchronized Optional<QueueRecord> get(long id) {
    List<QueueRecord> rows = query("SELECT * FROM changes WHERE id=" + id);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  /** Changes in {@code state}, oldest first. */
  synchronized List<QueueRecord> inState(String state, int limit) {
    return query("SELECT * FROM changes WHERE state='" + state + "' ORDER BY id LIMIT " + limit);
  }

  synchronized Map<String, Long> counts() {
    Map<String, Long> out = new java.util.TreeMap<>();
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT state, COUNT(*) FROM changes GROUP BY state")) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getLong(2));
      }
      return out;
    } catch (SQLException e) {
      throw fail("cannot count the queue", e);
    }
  }

  synchronized List<QueueRecord> recent(int limit) {
    return query("SELECT * FROM changes ORDER BY id DESC LIMIT " + limit);
  }

  /** Records the commit about to be published; written before the ref moves. */
  synchronized void markLanding(long id, ObjectId expectedOld, ObjectId newCommit) {
    update(
        "UPDATE changes SET state='landing', expected_old=?, new_commit=? WHERE id=?",
        expectedOld == null ? null : expectedOld.name(),
        newCommit.name(),
        id);
  }

  /** A decision to record for one change. */
  record Decision(
      long id,
      String state,
      String landedCommit,
      String code,
      Integer exit,
      String paths,
      String detail) {}

  /**
   * Records a batch about to be published by one ref update: each change with the commit that
   * carries it, all expecting {@code expectedOld}. One transaction.
   */
  synchronized void markLanding(List<Map.Entry<Long, ObjectId>> commits, ObjectId expectedOld) {
    inTransaction(
        () -> {
          for (Map.Entry<Long, ObjectId> e : commits) {
            markLanding(e.getKey(), expectedOld, e.getValue());
          }
        });
  }

  /** Records several decisions in one transaction. */
  synchronized void decide(List<Decision> decisions) {
    inTransaction(
        () -> {
          for (Decision d : decisions) {
            decide(d.id(), d.state(), d.landedCommit(), d.code(), d.exit(), d.paths(), d.detail());
          }
        });
  }

  private void inTransaction(Runnable body) {
    try {
      db.setAutoCommit(false);
      body.run();
      db.commit();
    } catch (SQLException | RuntimeException e) {
      rollback();
      throw e instanceof GitLayerException g
          ? g
          : fail("cannot update the queue", e instanceof SQLException s ? s : new SQLException(e));
    } finally {
      autoCommit();
    }
  }

  synchronized void backToPending(long id) {
    update("UPDATE changes SET state='pending', expected_old=NULL, new_commit=NULL WHERE id=?", id);
  }

  synchronized void decide(
      long id,
      String state,
      String landedCommit,
      String code,
      Integer exit,
      String paths,
      String detail) {
    update(
        "UPDATE changes SET state=?, landed_commit=?, code=?, exit_code=?, paths=COALESCE(?, paths),"
            + " detail=?, decided_at=? WHERE id=?",
        state,
        landedCommit,
        code,
        exit,
        paths,
        detail,
        System.currentTimeMillis(),
        id);
  }

  private void update(String sql, Object... args) {
    try (PreparedStatement ps = db.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      ps.executeUpdate();
    } catch (SQLException e) {
      throw fail("cannot update the queue", e);
    }
  }

  private List<QueueRecord> query(String sql) {
    List<QueueRecord> out = new ArrayList<>();
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(
            new QueueRecord(
                rs.getLong("id"),
                rs.getString("kind"),
                rs.getString("target_ref"),
                rs.getString("message"),
                new Trailers(
                    rs.getString("run"),
                    rs.getString("task"),
                    rs.getString("agent"),
                    rs.getString("session_id")),
                rs.getString("author_name"),
                rs.getString("author_email"),
                rs.getLong("author_when"),
                rs.getInt("author_tz"),
                rs.getString("base_commit"),
                rs.getString("source_branch"),
                rs.getString("source_commit"),
                rs.getString("state"),
                rs.getString("expected_old"),
                rs.getString("new_commit"),
                rs.getString("landed_commit"),
                rs.getString("code"),
                (Integer) rs.getObject("exit_code"),
                rs.getString("paths"),
                rs.getString("detail"),
                rs.getLong("submitted_at"),
                (Long) (rs.getObject("decided_at") == null ? null : rs.getLong("decided_at"))));
      }
      return out;
    } catch (SQLException e) {
      throw fail("cannot read the queue", e);
    }
  }

  private void rollback() {
    try {
      db.rollback();
    } catch (SQLException ignored) {
      // the original failure is the one to report
    }
  }

  private void autoCommit() {
    try {
      db.setAutoCommit(true);
    } catch (SQLException ignored) {
      // the connection is unusable; the next call reports it
    }
  }

  private GitLayerException fail(String what, SQLException e) {
    return new GitLayerException("E_QUEUE_STORE", what + ": " + e.getMessage(), where, e);
  }

  @Override
  public synchronized void close() {
    try {
      db.close();
    } catch (SQLException ignored) {
      // closing a read-only or already broken connection has nothing left to lose
    }
  }
}
