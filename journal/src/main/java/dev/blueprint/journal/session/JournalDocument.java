package dev.blueprint.journal.session;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a journal file says, read leniently: blueprint's own journals and the hand-written kind
 * alike. Every front matter key is kept, known or not.
 *
 * @param fileName the file's name
 * @param frontMatter the YAML front matter as read (empty when there is none), in file order
 * @param title the first level-one heading, empty when there is none
 * @param date the date from front matter, else from the file name, else from a {@code **Date:**}
 *     line
 * @param sequence the number within the day (front matter or file name), 0 when unknown
 * @param status the status read from front matter, a {@code **Status:**} line, the title or the
 *     file name
 * @param statusText the status as written, empty when none was found
 * @param sections level-two headings and the text under each, in file order
 * @param handoff the YAML block under a heading naming "handoff", empty when there is none
 * @param problems what could not be read (bad YAML), as messages; the rest is still read
 */
public record JournalDocument(
    String fileName,
    Map<String, Object> frontMatter,
    String title,
    Optional<LocalDate> date,
    int sequence,
    Optional<JournalStatus> status,
    String statusText,
    Map<String, String> sections,
    Map<String, Object> handoff,
    List<String> problems) {

  public JournalDocument {
    frontMatter = Collections.unmodifiableMap(new LinkedHashMap<>(frontMatter));
    sections = Collections.unmodifiableMap(new LinkedHashMap<>(sections));
    handoff = Collections.unmodifiableMap(new LinkedHashMap<>(handoff));
    problems = List.copyOf(problems);
  }

  /** The session id: {@code session_id}, {@code session.id} or a plain {@code session} string. */
  public Optional<String> sessionId() {
    Object id = frontMatter.get("session_id");
    if (id == null && frontMatter.get("session") instanceof Map<?, ?> nested) {
      id = nested.get("id");
    } else if (id == null) {
      id = frontMatter.get("session");
    }
    return id == null || id instanceof Map<?, ?> ? Optional.empty() : Optional.of(id.toString());
  }

  /** A front matter value as text, empty when absent or null. */
  public Optional<String> text(String key) {
    Object v = frontMatter.get(key);
    return v == null || v instanceof Map<?, ?> || v instanceof List<?>
        ? Optional.empty()
        : Optional.of(v.toString());
  }

  /** The agent from front matter, else from a blueprint-style file name. */
  public Optional<String> agent() {
    return text("agent")
        .or(
            () ->
                JournalFileName.parse(fileName)
                    .filter(n -> n.sequence() > 0 && !n.rest().isEmpty())
                    .map(JournalFileName::rest));
  }
}
