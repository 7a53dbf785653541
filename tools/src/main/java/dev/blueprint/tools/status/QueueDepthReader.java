package dev.blueprint.tools.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * Reads how many changes wait in a repository's commit queue, read-only: status must never write
 * the queue's database (the queue's owner may be landing right now), nor create it.
 */
public final class QueueDepthReader {
  private static final Logger LOG = LoggerFactory.getLogger(QueueDepthReader.class);

  /** The states of a change submitted and not yet decided, as the commit queue writes them. */
  private static final String WAITING = "('pending','landing')";

  private final Path database;

  /**
   * @param database the queue's SQLite file ({@code .blueprint/queue.db})
   */
  public QueueDepthReader(Path database) {
    this.database = database;
  }

  public static QueueDepthReader inRepository(Path repo) {
    return new QueueDepthReader(repo.resolve(".blueprint").resolve("queue.db"));
  }

  /**
   * The queue's depth; {@link QueueDepth#EMPTY} when the repository never queued anything; empty
   * when the file cannot be read (the reason is logged).
   */
  public Optional<QueueDepth> depth(String runId) {
    if (!Files.isRegularFile(database)) {
      return Optional.of(QueueDepth.EMPTY);
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setBusyTimeout(5000);
    try (Connection db =
        DriverManager.getConnection("jdbc:sqlite:" + database, config.toProperties())) {
      if (!hasChangesTable(db)) {
        return Optional.of(QueueDepth.EMPTY);
      }
      try (PreparedStatement ps =
          db.prepareStatement(
              "SELECT COUNT(*), COALESCE(SUM(CASE WHEN run = ? THEN 1 ELSE 0 END), 0)"
                  + " FROM changes WHERE state IN "
                  + WAITING)) {
        ps.setString(1, runId);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return Optional.of(new QueueDepth(rs.getLong(1), rs.getLong(2)));
        }
      }
    } catch (SQLException e) {
      LOG.warn("cannot read the commit queue {}: {}", database, e.getMessage());
      return Optional.empty();
    }
  }

  private static boolean hasChangesTable(Connection db) throws SQLException {
    try (PreparedStatement ps =
            db.prepareStatement(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='changes'");
        ResultSet rs = ps.executeQuery()) {
      return rs.next();
    }
  }
}
