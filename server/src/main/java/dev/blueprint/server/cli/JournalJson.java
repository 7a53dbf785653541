package dev.blueprint.server.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.blueprint.journal.session.JournalDocument;
import dev.blueprint.journal.session.WrittenJournal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The JSON shapes of {@code bp journal --json}: snake_case keys, {@code schema_version} first. */
final class JournalJson {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JournalJson() {}

  /** The written journal and the commit that landed it (null when it was not committed). */
  static String written(WrittenJournal w, Optional<String> commit) {
    Map<String, Object> m = top();
    m.put("file", w.file().toString());
    m.put("session_id", w.journal().sessionId());
    m.put("date", w.journal().date().toString());
    m.put("sequence", w.journal().sequence());
    m.put("status", w.journal().status().word());
    m.put("replaced", w.replaced());
    m.put("commit", commit.orElse(null));
    return write(m);
  }

  static Map<String, Object> document(Path file, JournalDocument d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("file", file.toString());
    m.put("title", d.title());
    m.put("date", d.date().map(Object::toString).orElse(null));
    m.put("sequence", d.sequence());
    m.put("status", d.status().map(s -> s.word()).orElse(null));
    m.put("status_text", d.statusText());
    m.put("session_id", d.sessionId().orElse(null));
    m.put("agent", d.agent().orElse(null));
    m.put("front_matter", d.frontMatter());
    m.put("sections", List.copyOf(d.sections().keySet()));
    m.put("handoff", d.handoff());
    m.put("problems", d.problems());
    return m;
  }

  static Map<String, Object> top() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("schema_version", 1);
    return m;
  }

  static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render JSON output", e);
    }
  }
}
