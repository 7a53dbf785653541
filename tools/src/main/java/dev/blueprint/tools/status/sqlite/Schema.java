package dev.blueprint.tools.status.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The run store's schema, versioned with SQLite's {@code user_version}. Each migration runs in its
 * own IMMEDIATE transaction that re-reads the version first, so two processes opening a fresh
 * database at once apply each migration exactly once. Migrations are only ever appended.
 */
final class Schema {
  private static final List<List<String>> MIGRATIONS =
      List.of(
          List.of(
              """
              CREATE TABLE runs (
                id TEXT PRIMARY KEY,
                blueprint_path TEXT NOT NULL,
                base_branch TEXT,
                state TEXT NOT NULL,
                started_at TEXT NOT NULL,
                ended_at TEXT)""",
              """
              CREATE TABLE tasks (
                run_id TEXT NOT NULL REFERENCES runs(id),
                task_id TEXT NOT NULL,
                ord INTEGER NOT NULL,
                state TEXT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                updated_at TEXT NOT NULL,
                error_json TEXT,
                PRIMARY KEY (run_id, task_id))""",
              """
              CREATE TABLE attempts (
                run_id TEXT NOT NULL,
                task_id TEXT NOT NULL,
                number INTEGER NOT NULL,
                agent TEXT,
                started_at TEXT NOT NULL,
                ended_at TEXT,
                exit_code INTEGER,
                input_tokens INTEGER NOT NULL DEFAULT 0,
                output_tokens INTEGER NOT NULL DEFAULT 0,
                cache_read_tokens INTEGER NOT NULL DEFAULT 0,
                cache_creation_tokens INTEGER NOT NULL DEFAULT 0,
                cost_usd REAL,
                session_id TEXT,
                log_path TEXT,
                error_json TEXT,
                PRIMARY KEY (run_id, task_id, number),
                FOREIGN KEY (run_id, task_id) REFERENCES tasks(run_id, task_id))""",
              """
              CREATE TABLE events (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                run_id TEXT NOT NULL,
                name TEXT NOT NULL,
                timestamp TEXT NOT NULL,
                level TEXT NOT NULL,
                blueprint_id TEXT,
                task_id TEXT,
                executor_id TEXT,
                phase TEXT,
                message TEXT,
                data_json TEXT NOT NULL)""",
              "CREATE INDEX events_by_run ON events (run_id, seq)"),
          // 2: the deterministic cache (opt-in --cache): a fingerprint of task spec, base tree,
          // agent and model, pointing at the commit a successful attempt produced.
          List.of(
              """
              CREATE TABLE cache (
                fingerprint TEXT PRIMARY KEY,
                run_id TEXT NOT NULL,
                task_id TEXT NOT NULL,
                commit_id TEXT NOT NULL,
                created_at TEXT NOT NULL)"""));

  private Schema() {}

  /** The version a database has once {@link #migrate} ran. */
  static int latestVersion() {
    return MIGRATIONS.size();
  }

  static int version(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA user_version")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  static void migrate(Connection c) throws SQLException {
    for (int target = 1; target <= MIGRATIONS.size(); target++) {
      if (version(c) >= target) {
        continue;
      }
      try (Statement s = c.createStatement()) {
        s.execute("BEGIN IMMEDIATE");
        try {
          if (version(c) < target) {
            for (String sql : MIGRATIONS.get(target - 1)) {
              s.execute(sql);
            }
            s.execute("PRAGMA user_version = " + target);
          }
          s.execute("COMMIT");
        } catch (SQLException e) {
          s.execute("ROLLBACK");
          throw e;
        }
      }
    }
  }
}
