package dev.blueprint.journal.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads any session journal, blueprint's own or hand-written, with or without front matter, and
 * extracts what is there. It never fails on content: unreadable YAML becomes a problem message on
 * the {@link JournalDocument} and the rest is still read.
 */
public final class JournalReader {

  private static final YAMLMapper YAML = new YAMLMapper();
  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};
  private static final Pattern STATUS_LINE =
      Pattern.compile("(?im)^[-*\\s]*\\*\\*(?:session )?status:?\\*\\*:?\\s*(.+)$");

  /** The closing line of front matter: exactly three dashes (a longer rule is body text). */
  private static final Pattern FRONT_MATTER_END = Pattern.compile("(?m)\\n---[ \\t]*$");

  private static final Pattern DATE_LINE =
      Pattern.compile("(?im)^[-*\\s]*\\*\\*date:?\\*\\*:?\\s*(\\d{4}-\\d{2}-\\d{2})");

  /** Reads a journal file. */
  public JournalDocument read(Path file) throws IOException {
    return read(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
  }

  /** Reads a journal's text; the file name supplies a date and sequence when the text has none. */
  public JournalDocument read(String fileName, String text) {
    List<String> problems = new ArrayList<>();
    String normalized = text.replace("\r\n", "\n");
    Map<String, Object> front = new LinkedHashMap<>();
    String body = normalized;
    if (normalized.startsWith("---\n")) {
      Matcher close = FRONT_MATTER_END.matcher(normalized);
      if (close.find(3)) {
        front = yamlMap(normalized.substring(4, close.start() + 1), "front matter", problems);
        body = normalized.substring(Math.min(normalized.length(), close.end() + 1));
      }
    }
    MarkdownOutline outline = MarkdownOutline.of(body);
    Optional<JournalFileName> name = JournalFileName.parse(fileName);
    String statusText = statusText(front, outline, fileName);
    return new JournalDocument(
        fileName,
        front,
        outline.title(),
        date(front, name, body),
        sequence(front, name),
        JournalStatus.parse(statusText),
        statusText,
        outline.sections(),
        handoff(outline, problems),
        problems);
  }

  private static Map<String, Object> yamlMap(String yaml, String what, List<String> problems) {
    try {
      Map<String, Object> map = YAML.readValue(yaml, MAP);
      return map == null ? new LinkedHashMap<>() : map;
    } catch (JsonProcessingException e) {
      problems.add(what + " is not readable YAML: " + e.getOriginalMessage());
      return new LinkedHashMap<>();
    }
  }

  private static String statusText(
      Map<String, Object> front, MarkdownOutline outline, String fileName) {
    Object s = front.get("status");
    if (s == null && front.get("session") instanceof Map<?, ?> nested) {
      s = nested.get("status");
    }
    if (s != null) {
      return s.toString().strip();
    }
    Matcher m = STATUS_LINE.matcher(outline.preamble());
    if (m.find()) {
      return m.group(1).replace("*", "").strip();
    }
    if (JournalStatus.parse(outline.title()).isPresent()) {
      return outline.title().replaceAll("^.*?[—:-]\\s*", "").strip();
    }
    for (Map.Entry<String, String> section : outline.sections().entrySet()) {
      if (section.getKey().toLowerCase(Locale.ROOT).contains("metadata")) {
        Matcher inMeta = STATUS_LINE.matcher(section.getValue());
        if (inMeta.find()) {
          return inMeta.group(1).replace("*", "").strip();
        }
      }
    }
    String lower = fileName.toLowerCase(Locale.ROOT);
    for (String word : new String[] {"checkpoint", "final", "abandoned"}) {
      if (lower.contains(word)) {
        return word;
      }
    }
    return "";
  }

  private static Optional<LocalDate> date(
      Map<String, Object> front, Optional<JournalFileName> name, String body) {
    for (String key : new String[] {"date", "started"}) {
      Optional<LocalDate> d = leadingDate(front.get(key));
      if (d.isPresent()) {
        return d;
      }
    }
    if (name.isPresent()) {
      return Optional.of(name.get().date());
    }
    Matcher m = DATE_LINE.matcher(body);
    return m.find() ? leadingDate(m.group(1)) : Optional.empty();
  }

  private static Optional<LocalDate> leadingDate(Object value) {
    if (value == null || value.toString().length() < 10) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(value.toString().substring(0, 10)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static int sequence(Map<String, Object> front, Optional<JournalFileName> name) {
    if (front.get("sequence") instanceof Number n) {
      return n.intValue();
    }
    return name.map(JournalFileName::sequence).orElse(0);
  }

  private static Map<String, Object> handoff(MarkdownOutline outline, List<String> problems) {
    for (Map.Entry<String, String> section : outline.allSections().entrySet()) {
      if (!section.getKey().toLowerCase(Locale.ROOT).contains("handoff")) {
        continue;
      }
      Optional<String> block = MarkdownOutline.firstFencedBlock(section.getValue());
      if (block.isPresent()) {
        return yamlMap(block.get(), "handoff block", problems);
      }
    }
    return Map.of();
  }
}
