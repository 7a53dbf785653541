package dev.blueprint.journal.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Writes journals into a {@code sessions/} folder: redacted, atomically (a temp file in the same
 * folder, then a move), named {@code YYYY-MM-DD-NNN-<agent>.md} with the next free number of its
 * day. A session that already has a journal gets it rewritten in place, so a checkpoint written by
 * the Stop hook is replaced by the final journal instead of adding a second file.
 */
public final class JournalWriter {

  private final Path folder;
  private final Redactor redactor;
  private final JournalPublisher publisher;
  private final JournalRenderer renderer = new JournalRenderer();
  private final JournalReader reader = new JournalReader();

  /**
   * @param folder the journal folder, created when missing
   * @param redactor applied to the whole rendered text
   * @param publisher called after each write (the commit queue, or {@link JournalPublisher#NONE})
   */
  public JournalWriter(Path folder, Redactor redactor, JournalPublisher publisher) {
    this.folder = folder;
    this.redactor = redactor;
    this.publisher = publisher;
  }

  /** Writes the journal and hands it to the publisher. */
  public WrittenJournal write(Journal journal) throws IOException {
    Files.createDirectories(folder);
    Optional<Path> existing = findSession(journal.sessionId());
    Path target;
    Journal numbered;
    if (existing.isPresent()) {
      target = existing.get();
      int seq =
          JournalFileName.parse(target.getFileName().toString())
              .map(JournalFileName::sequence)
              .orElse(1);
      numbered = journal.withSequence(seq);
    } else {
      numbered = claimNext(journal);
      target =
          folder.resolve(
              JournalFileName.of(numbered.date(), numbered.sequence(), numbered.agent()));
    }
    String text = redactor.redact(renderer.render(numbered));
    Path tmp = Files.createTempFile(folder, ".journal-", ".tmp");
    boolean moved = false;
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      move(tmp, target);
      moved = true;
    } finally {
      Files.deleteIfExists(tmp);
      if (!moved && existing.isEmpty()) {
        // give the claimed number back rather than leave an empty journal behind
        Files.deleteIfExists(target);
      }
    }
    publisher.publish(
        target, "journal: session " + numbered.sessionId() + " (" + numbered.status().word() + ")");
    return new WrittenJournal(target, numbered, existing.isPresent());
  }

  /** The next sequence number free for a date, one above the highest file of that day. */
  public int nextSequence(LocalDate date) throws IOException {
    int max = 0;
    if (Files.isDirectory(folder)) {
      try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, date + "-*.md")) {
        for (Path f : files) {
          max =
              Math.max(
                  max,
                  JournalFileName.parse(f.getFileName().toString())
                      .map(JournalFileName::sequence)
                      .orElse(0));
        }
      }
    }
    return max + 1;
  }

  /**
   * Reserves a file name by creating it empty: two writers racing for the same number cannot both
   * win, and the loser takes the next one.
   */
  private Journal claimNext(Journal journal) throws IOException {
    for (int attempt = 0; ; attempt++) {
      // the winner's file is on disk by now, so counting again gives the next free number
      int seq = nextSequence(journal.date());
      Path name = folder.resolve(JournalFileName.of(journal.date(), seq, journal.agent()));
      try {
        Files.createFile(name);
        return journal.withSequence(seq);
      } catch (FileAlreadyExistsException raced) {
        if (attempt > 100) {
          throw raced;
        }
      }
    }
  }

  private Optional<Path> findSession(String sessionId) throws IOException {
    if (!Files.isDirectory(folder)) {
      return Optional.empty();
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.md")) {
      for (Path f : files) {
        if (Files.size(f) > 0 && isOwnJournalOf(f, sessionId)) {
          return Optional.of(f);
        }
      }
    }
    return Optional.empty();
  }

  /** Only journals blueprint wrote are rewritten; a hand-written one is never overwritten. */
  private boolean isOwnJournalOf(Path file, String sessionId) throws IOException {
    boolean numbered =
        JournalFileName.parse(file.getFileName().toString())
            .filter(n -> n.sequence() > 0)
            .isPresent();
    if (!numbered) {
      return false;
    }
    JournalDocument doc = reader.read(file);
    return doc.frontMatter().containsKey("schema_version")
        && doc.sessionId().filter(sessionId::equals).isPresent();
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
