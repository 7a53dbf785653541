package dev.blueprint.journal.workrate;

import dev.blueprint.journal.session.JournalDocument;
import dev.blueprint.journal.session.JournalReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Sessions from the journals in {@code sessions/*.md}, read by the journal reader of {@code
 * journal/session} (with or without front matter, never failing on content). Journals without a
 * session id are skipped: they name no commits, so they cannot be measured.
 */
public final class JournalSessionSource implements SessionSource {
  private final Path sessionsDir;
  private final JournalReader reader = new JournalReader();

  /** Reads journals from {@code sessionsDir} (usually {@code <repo>/sessions}). */
  public JournalSessionSource(Path sessionsDir) {
    this.sessionsDir = sessionsDir;
  }

  @Override
  public List<SessionInfo> sessions() throws IOException {
    if (!Files.isDirectory(sessionsDir)) {
      return List.of();
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(sessionsDir)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().toList();
    }
    List<SessionInfo> out = new ArrayList<>();
    for (Path file : files) {
      JournalDocument doc = reader.read(file);
      doc.sessionId()
          .map(String::strip)
          .filter(id -> !id.isEmpty())
          .ifPresent(id -> out.add(info(id, doc)));
    }
    return out;
  }

  private static SessionInfo info(String id, JournalDocument doc) {
    return new SessionInfo(
        id,
        doc.date(),
        text(doc, "agent"),
        text(doc, "model").or(() -> text(doc, "instance")),
        text(doc, "blueprint"),
        text(doc, "start_commit"),
        text(doc, "end_commit"),
        text(doc, "run_id").or(() -> text(doc, "blueprint_run")));
  }

  private static Optional<String> text(JournalDocument doc, String key) {
    return doc.text(key).map(String::strip).filter(v -> !v.isEmpty());
  }
}
