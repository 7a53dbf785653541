package dev.blueprint.tools.status.sqlite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprint.tools.status.Attempt;
import dev.blueprint.tools.status.BsfError;
import dev.blueprint.tools.status.CacheEntry;
import dev.blueprint.tools.status.Event;
import dev.blueprint.tools.status.EventName;
import dev.blueprint.tools.status.Level;
import dev.blueprint.tools.status.Phase;
import dev.blueprint.tools.status.Run;
import dev.blueprint.tools.status.RunState;
import dev.blueprint.tools.status.StatusJson;
import dev.blueprint.tools.status.TaskRun;
import dev.blueprint.tools.status.TaskState;
import dev.blueprint.tools.status.TokenUsage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The SQL of the run store: one method per statement, rows mapped to the domain records. */
final class Rows {

  void insertRun(Connection c, Run r) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO runs (id, blueprint_path, base_branch, state, started_at, ended_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
      p.setString(1, r.id());
      p.setString(2, r.blueprintPath());
      p.setString(3, r.baseBranch());
      p.setString(4, r.state().wire());
      p.setString(5, r.startedAt().toString());
      p.setString(6, text(r.endedAt()));
      p.executeUpdate();
    }
  }

  void updateRun(Connection c, String runId, RunState state, Instant endedAt) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("UPDATE runs SET state = ?, ended_at = ? WHERE id = ?")) {
      p.setString(1, state.wire());
      p.setString(2, text(endedAt));
      p.setString(3, runId);
      p.executeUpdate();
    }
  }

  Optional<Run> run(Connection c, String runId) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT * FROM runs WHERE id = ?")) {
      p.setString(1, runId);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? Optional.of(run(rs)) : Optional.empty();
      }
    }
  }

  List<Run> runs(Connection c) throws SQLException {
    List<Run> out = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement("SELECT * FROM runs ORDER BY id DESC");
        ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        out.add(run(rs));
      }
    }
    return out;
  }

  private static Run run(ResultSet rs) throws SQLException {
    return new Run(
        rs.getString("id"),
        rs.getString("blueprint_path"),
        rs.getString("base_branch"),
        RunState.fromWire(rs.getString("state")),
        instant(rs.getString("started_at")),
        instant(rs.getString("ended_at")));
  }

  void insertTask(Connection c, String runId, String taskId, int ord, TaskState s, Instant now)
      throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO tasks (run_id, task_id, ord, state, attempts, updated_at)"
                + " VALUES (?, ?, ?, ?, 0, ?)")) {
      p.setString(1, runId);
      p.setString(2, taskId);
      p.setInt(3, ord);
      p.setString(4, s.wire());
      p.setString(5, now.toString());
      p.executeUpdate();
    }
  }

  void updateTask(
      Connection c,
      String runId,
      String taskId,
      TaskState s,
      int attempts,
      Instant now,
      BsfError error)
      throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "UPDATE tasks SET state = ?, attempts = ?, updated_at = ?, error_json = ?"
                + " WHERE run_id = ? AND task_id = ?")) {
      p.setString(1, s.wire());
      p.setInt(2, attempts);
      p.setString(3, now.toString());
      p.setString(4, error == null ? null : StatusJson.write(error));
      p.setString(5, runId);
      p.setString(6, taskId);
      p.executeUpdate();
    }
  }

  Optional<TaskRun> task(Connection c, String runId, String taskId) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("SELECT * FROM tasks WHERE run_id = ? AND task_id = ?")) {
      p.setString(1, runId);
      p.setString(2, taskId);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? Optional.of(task(rs)) : Optional.empty();
      }
    }
  }

  List<TaskRun> tasks(Connection c, String runId) throws SQLException {
    List<TaskRun> out = new ArrayList<>();
    try (PreparedStatement p =
        c.prepareStatement("SELECT * FROM tasks WHERE run_id = ? ORDER BY ord")) {
      p.setString(1, runId);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(task(rs));
        }
      }
    }
    return out;
  }

  private static TaskRun task(ResultSet rs) throws SQLException {
    return new TaskRun(
        rs.getString("run_id"),
        rs.getString("task_id"),
        TaskState.fromWire(rs.getString("state")),
        rs.getInt("attempts"),
        instant(rs.getString("updated_at")),
        error(rs.getString("error_json")));
  }

  void insertAttempt(Connection c, Attempt a) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO attempts (run_id, task_id, number, agent, started_at, log_path)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
      p.setString(1, a.runId());
      p.setString(2, a.taskId());
      p.setInt(3, a.number());
      p.setString(4, a.agent());
      p.setString(5, a.startedAt().toString());
      p.setString(6, a.logPath());
      p.executeUpdate();
    }
  }

  void endAttempt(Connection c, Attempt a) throws SQLException {
    TokenUsage t = a.tokens() == null ? TokenUsage.NONE : a.tokens();
    try (PreparedStatement p =
        c.prepareStatement(
            "UPDATE attempts SET ended_at = ?, exit_code = ?, input_tokens = ?, output_tokens = ?,"
                + " cache_read_tokens = ?, cache_creation_tokens = ?, cost_usd = ?, session_id = ?,"
                + " error_json = ? WHERE run_id = ? AND task_id = ? AND number = ?")) {
      p.setString(1, text(a.endedAt()));
      if (a.exitCode() == null) {
        p.setNull(2, Types.INTEGER);
      } else {
        p.setInt(2, a.exitCode());
      }
      p.setLong(3, t.inputTokens());
      p.setLong(4, t.outputTokens());
      p.setLong(5, t.cacheReadTokens());
      p.setLong(6, t.cacheCreationTokens());
      if (a.costUsd() == null) {
        p.setNull(7, Types.REAL);
      } else {
        p.setDouble(7, a.costUsd());
      }
      p.setString(8, a.sessionId());
      p.setString(9, a.error() == null ? null : StatusJson.write(a.error()));
      p.setString(10, a.runId());
      p.setString(11, a.taskId());
      p.setInt(12, a.number());
      p.executeUpdate();
    }
  }

  Optional<Attempt> attempt(Connection c, String runId, String taskId, int number)
      throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT * FROM attempts WHERE run_id = ? AND task_id = ? AND number = ?")) {
      p.setString(1, runId);
      p.setString(2, taskId);
      p.setInt(3, number);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? Optional.of(attempt(rs)) : Optional.empty();
      }
    }
  }

  List<Attempt> attempts(Connection c, String runId, String taskId) throws SQLException {
    List<Attempt> out = new ArrayList<>();
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT * FROM attempts WHERE run_id = ? AND task_id = ? ORDER BY number")) {
      p.setString(1, runId);
      p.setString(2, taskId);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(attempt(rs));
        }
      }
    }
    return out;
  }

  private static Attempt attempt(ResultSet rs) throws SQLException {
    int exit = rs.getInt("exit_code");
    Integer exitCode = rs.wasNull() ? null : exit;
    double cost = rs.getDouble("cost_usd");
    Double costUsd = rs.wasNull() ? null : cost;
    return new Attempt(
        rs.getString("run_id"),
        rs.getString("task_id"),
        rs.getInt("number"),
        rs.getString("agent"),
        instant(rs.getString("started_at")),
        instant(rs.getString("ended_at")),
        exitCode,
        new TokenUsage(
            rs.getLong("input_tokens"),
            rs.getLong("output_tokens"),
            rs.getLong("cache_read_tokens"),
            rs.getLong("cache_creation_tokens")),
        costUsd,
        rs.getString("session_id"),
        rs.getString("log_path"),
        error(rs.getString("error_json")));
  }

  Event insertEvent(Connection c, Event e, String blueprintId, String executorId)
      throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO events (run_id, name, timestamp, level, blueprint_id, task_id,"
                + " executor_id, phase, message, data_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            PreparedStatement.RETURN_GENERATED_KEYS)) {
      String bp = e.blueprintId() == null ? blueprintId : e.blueprintId();
      String ex = e.executorId() == null ? executorId : e.executorId();
      p.setString(1, e.runId());
      p.setString(2, e.event().wire());
      p.setString(3, e.timestamp().toString());
      p.setString(4, e.level().wire());
      p.setString(5, bp);
      p.setString(6, e.taskId());
      p.setString(7, ex);
      p.setString(8, e.phase() == null ? null : e.phase().wire());
      p.setString(9, e.message());
      p.setString(10, StatusJson.write(e.data()));
      p.executeUpdate();
      try (ResultSet keys = p.getGeneratedKeys()) {
        keys.next();
        return e.stored(keys.getLong(1), bp, ex);
      }
    }
  }

  List<Event> events(Connection c, String runId, long afterSeq) throws SQLException {
    List<Event> out = new ArrayList<>();
    try (PreparedStatement p =
        c.prepareStatement("SELECT * FROM events WHERE run_id = ? AND seq > ? ORDER BY seq")) {
      p.setString(1, runId);
      p.setLong(2, afterSeq);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          String phase = rs.getString("phase");
          out.add(
              new Event(
                  rs.getLong("seq"),
                  rs.getString("run_id"),
                  EventName.fromWire(rs.getString("name")),
                  instant(rs.getString("timestamp")),
                  Level.fromWire(rs.getString("level")),
                  rs.getString("blueprint_id"),
                  rs.getString("task_id"),
                  rs.getString("executor_id"),
                  phase == null ? null : Phase.fromWire(phase),
                  rs.getString("message"),
                  StatusJson.read(rs.getString("data_json"), JsonNode.class)));
        }
      }
    }
    return out;
  }

  Optional<CacheEntry> cached(Connection c, String fingerprint) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT * FROM cache WHERE fingerprint = ?")) {
      p.setString(1, fingerprint);
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new CacheEntry(
                rs.getString("fingerprint"),
                rs.getString("run_id"),
                rs.getString("task_id"),
                rs.getString("commit_id"),
                instant(rs.getString("created_at"))));
      }
    }
  }

  void putCache(Connection c, CacheEntry e) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT OR REPLACE INTO cache (fingerprint, run_id, task_id, commit_id, created_at)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      p.setString(1, e.fingerprint());
      p.setString(2, e.runId());
      p.setString(3, e.taskId());
      p.setString(4, e.commitId());
      p.setString(5, e.createdAt().toString());
      p.executeUpdate();
    }
  }

  private static String text(Instant i) {
    return i == null ? null : i.toString();
  }

  private static Instant instant(String s) {
    return s == null ? null : Instant.parse(s);
  }

  private static BsfError error(String json) {
    return json == null ? null : StatusJson.read(json, BsfError.class);
  }
}
