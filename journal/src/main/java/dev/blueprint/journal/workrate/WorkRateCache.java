package dev.blueprint.journal.workrate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tracker's state at the last processed HEAD, kept in SQLite ({@code .blueprint/workrate.db}):
 * one row per commit (its facts, added lines and lines still alive at that HEAD) and one row per
 * file (the origin of each line, run-length encoded). A later run loads the commits, then only the
 * files its new commits touch ({@link #load(String, Set)}), and processes only the commits since. A
 * cache written with other settings (excluded paths, format) is ignored and rebuilt.
 */
final class WorkRateCache implements LineTracker.OriginSource {
  /** 2: commits carry their surviving line count, so untouched files are never read. */
  private static final String FORMAT = "2";

  private final Path file;
  private final String settings;

  WorkRateCache(Path file, String settings) {
    this.file = file;
    this.settings = settings;
  }

  /** The cached commits and counts, without file origins (see {@link #load(String, Set)}). */
  Optional<LineHistory> load() throws IOException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try (Connection db = open()) {
      // One read transaction: a report saving meanwhile cannot be seen half.
      db.setAutoCommit(false);
      if (!FORMAT.equals(meta(db, "format")) || !settings.equals(meta(db, "settings"))) {
        return Optional.empty();
      }
      String head = meta(db, "head");
      if (head == null) {
        return Optional.empty();
      }
      LineHistory h = new LineHistory();
      int[] alive = new int[1024];
      try (Statement st = db.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT sha, commit_time, lines_added, session_id, run_id, agent, model,"
                      + " blueprint, alive FROM commits ORDER BY idx")) {
        while (rs.next()) {
          if (h.commits.size() == alive.length) {
            alive = Arrays.copyOf(alive, alive.length * 2);
          }
          alive[h.commits.size()] = rs.getInt(9);
          h.add(
              new CommitFacts(
                  rs.getString(1),
                  rs.getLong(2),
                  rs.getInt(3),
                  Optional.ofNullable(rs.getString(4)),
                  Optional.ofNullable(rs.getString(5)),
                  Optional.ofNullable(rs.getString(6)),
                  Optional.ofNullable(rs.getString(7)),
                  Optional.ofNullable(rs.getString(8))));
        }
      }
      h.cachedAlive = Arrays.copyOf(alive, h.commits.size());
      db.commit();
      h.head = head;
      h.cachedHead = head;
      h.storedCommits = h.commits.size();
      return Optional.of(h);
    } catch (SQLException e) {
      throw new IOException(file + ": cannot read the work-rate cache: " + e.getMessage(), e);
    }
  }

  /**
   * The cached origins of {@code paths} (those not cached are absent), read in one transaction that
   * also checks the cache is still at {@code expectedHead}: another {@code bp report} may have
   * saved a newer state since {@link #load()}, and origins of that state would not match the counts
   * loaded then. Empty when it has.
   */
  @Override
  public Optional<Map<String, int[]>> load(String expectedHead, Set<String> paths)
      throws IOException {
    Map<String, int[]> out = new HashMap<>();
    try (Connection db = open()) {
      db.setAutoCommit(false);
      try (PreparedStatement ps = db.prepareStatement("SELECT lines FROM origins WHERE path = ?")) {
        if (!expectedHead.equals(meta(db, "head"))) {
          db.rollback();
          return Optional.empty();
        }
        for (String path : paths) {
          ps.setString(1, path);
          try (ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
              out.put(path, decode(rs.getBytes(1)));
            }
          }
        }
      }
      db.commit();
    } catch (SQLException e) {
      throw new IOException(file + ": cannot read the work-rate cache: " + e.getMessage(), e);
    }
    return Optional.of(out);
  }

  /**
   * Writes what changed since load (or everything, after a rebuild) in one transaction: new
   * commits, the surviving counts that changed, and the files that were touched.
   *
   * @param alive lines alive at {@code h.head} per commit ({@link LineHistory#survivingPerCommit})
   */
  void save(LineHistory h, boolean rebuilt, int[] alive) throws IOException {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (Connection db = open()) {
        db.setAutoCommit(false);
        if (rebuilt) {
          // A rebuild may follow a cache of an older format: start from fresh tables.
          try (Statement st = db.createStatement()) {
            st.executeUpdate("DROP TABLE IF EXISTS commits");
            st.executeUpdate("DROP TABLE IF EXISTS origins");
          }
          createTables(db);
        }
        int from = rebuilt ? 0 : h.storedCommits;
        if (!rebuilt && !h.cachedHead.equals(meta(db, "head"))) {
          // Another report saved meanwhile: its state is as good as ours, and ours is a delta
          // against a head the cache no longer holds.
          db.rollback();
          return;
        }
        if (!rebuilt) {
          try (PreparedStatement upd =
              db.prepareStatement("UPDATE commits SET alive = ? WHERE idx = ?")) {
            for (int i = 0; i < from; i++) {
              if (h.cachedAlive == null || alive[i] != h.cachedAlive[i]) {
                upd.setInt(1, alive[i]);
                upd.setInt(2, i);
                upd.addBatch();
              }
            }
            upd.executeBatch();
          }
        }
        try (PreparedStatement ins =
            db.prepareStatement("INSERT OR REPLACE INTO commits VALUES (?,?,?,?,?,?,?,?,?,?)")) {
          for (int i = from; i < h.commits.size(); i++) {
            CommitFacts c = h.commits.get(i);
            ins.setInt(1, i);
            ins.setString(2, c.sha());
            ins.setLong(3, c.commitTime());
            ins.setInt(4, c.linesAdded());
            ins.setString(5, c.sessionId().orElse(null));
            ins.setString(6, c.runId().orElse(null));
            ins.setString(7, c.agent().orElse(null));
            ins.setString(8, c.model().orElse(null));
            ins.setString(9, c.blueprint().orElse(null));
            ins.setInt(10, alive[i]);
            ins.addBatch();
          }
          ins.executeBatch();
        }
        try (PreparedStatement put =
                db.prepareStatement("INSERT OR REPLACE INTO origins VALUES (?,?)");
            PreparedStatement del = db.prepareStatement("DELETE FROM origins WHERE path = ?")) {
          Iterable<String> paths = rebuilt ? h.origins.keySet() : h.touchedPaths;
          for (String path : paths) {
            int[] lines = h.origins.get(path);
            if (lines == null) {
              del.setString(1, path);
              del.addBatch();
            } else {
              put.setString(1, path);
              put.setBytes(2, encode(lines));
              put.addBatch();
            }
          }
          put.executeBatch();
          del.executeBatch();
        }
        setMeta(db, "format", FORMAT);
        setMeta(db, "settings", settings);
        setMeta(db, "head", h.head);
        db.commit();
      }
      h.storedCommits = h.commits.size();
      h.touchedPaths.clear();
      h.cachedHead = h.head;
      h.cachedAlive = h.partial() ? alive.clone() : null;
      h.loadedAtHead = h.partial() ? Map.copyOf(h.origins) : Map.of();
    } catch (SQLException e) {
      throw new IOException(file + ": cannot write the work-rate cache: " + e.getMessage(), e);
    }
  }

  private Connection open() throws SQLException {
    Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    try (Statement st = db.createStatement()) {
      // Two reports at once: the second waits for the first's write instead of failing.
      st.execute("PRAGMA busy_timeout = 10000");
      // A write-ahead log, synced at checkpoints only: a commit costs no fsync (a quarter of an
      // incremental report's time with the default rollback journal), and a crash can lose the
      // last save but never corrupt the file; a lost save is re-read from git by the next report.
      st.execute("PRAGMA journal_mode = WAL");
      st.execute("PRAGMA synchronous = NORMAL");
    }
    createTables(db);
    return db;
  }

  private static void createTables(Connection db) throws SQLException {
    try (Statement st = db.createStatement()) {
      st.executeUpdate("CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT)");
      st.executeUpdate(
          "CREATE TABLE IF NOT EXISTS commits(idx INTEGER PRIMARY KEY, sha TEXT NOT NULL,"
              + " commit_time INTEGER NOT NULL, lines_added INTEGER NOT NULL, session_id TEXT,"
              + " run_id TEXT, agent TEXT, model TEXT, blueprint TEXT,"
              + " alive INTEGER NOT NULL DEFAULT 0)");
      st.executeUpdate(
          "CREATE TABLE IF NOT EXISTS origins(path TEXT PRIMARY KEY, lines BLOB NOT NULL)");
    }
  }

  private static String meta(Connection db, String key) throws SQLException {
    try (PreparedStatement ps = db.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private static void setMeta(Connection db, String key, String value) throws SQLException {
    try (PreparedStatement ps = db.prepareStatement("INSERT OR REPLACE INTO meta VALUES (?,?)")) {
      ps.setString(1, key);
      ps.setString(2, value);
      ps.executeUpdate();
    }
  }

  /** Runs of equal origins as (origin, count) pairs: consecutive lines mostly share a commit. */
  static byte[] encode(int[] lines) {
    ByteBuffer buf = ByteBuffer.allocate(8 * Math.max(1, lines.length) + 4);
    buf.putInt(lines.length);
    int i = 0;
    while (i < lines.length) {
      int j = i;
      while (j < lines.length && lines[j] == lines[i]) {
        j++;
      }
      buf.putInt(lines[i]).putInt(j - i);
      i = j;
    }
    byte[] out = new byte[buf.position()];
    buf.flip().get(out);
    return out;
  }

  static int[] decode(byte[] bytes) {
    ByteBuffer buf = ByteBuffer.wrap(bytes);
    int[] lines = new int[buf.getInt()];
    int i = 0;
    while (buf.hasRemaining()) {
      int origin = buf.getInt();
      int count = buf.getInt();
      java.util.Arrays.fill(lines, i, i + count, origin);
      i += count;
    }
    return lines;
  }
}
