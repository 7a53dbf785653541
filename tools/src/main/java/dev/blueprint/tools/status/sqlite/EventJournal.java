package dev.blueprint.tools.status.sqlite;

import dev.blueprint.tools.status.Event;
import dev.blueprint.tools.status.StatusJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends events to {@code <runsDir>/<run>/events.jsonl}, one JSON object a line, for tailing.
 *
 * <p>An append-only log, so it is written in place rather than through a temp file: each line is
 * one {@code write} on a file opened with O_APPEND, which the OS keeps whole between processes. The
 * database stays the truth: a crash between the commit and the append loses at most that line.
 */
final class EventJournal {
  private static final Logger LOG = LoggerFactory.getLogger(EventJournal.class);

  private final Path runsDir;

  EventJournal(Path runsDir) {
    this.runsDir = runsDir;
  }

  Path fileOf(String runId) {
    return runsDir.resolve(runId).resolve("events.jsonl");
  }

  void append(Event event) {
    Path file = fileOf(event.runId());
    byte[] line = (StatusJson.write(event) + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      // The change is committed in the database; a missing mirror line must not undo that.
      LOG.warn("cannot append event {} to {}: {}", event.seq(), file, e.getMessage());
    }
  }
}
