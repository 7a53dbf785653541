package dev.blueprint.journal.workrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads just the front-matter keys the report needs from {@code sessions/*.md}. Deliberately
 * minimal: the full journal reader lives in {@code journal/session} and can replace this through
 * {@link SessionSource}. Journals without front matter or without a session id are skipped: they
 * name no commits, so they cannot be measured.
 */
public final class FrontMatterSessionSource implements SessionSource {
  private static final Logger LOG = LoggerFactory.getLogger(FrontMatterSessionSource.class);
  private static final YAMLMapper YAML = new YAMLMapper();

  private final Path sessionsDir;

  /** Reads journals from {@code sessionsDir} (usually {@code <repo>/sessions}). */
  public FrontMatterSessionSource(Path sessionsDir) {
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
      read(file).ifPresent(out::add);
    }
    return out;
  }

  private static Optional<SessionInfo> read(Path file) throws IOException {
    Optional<String> yaml = frontMatter(Files.readString(file, StandardCharsets.UTF_8));
    if (yaml.isEmpty()) {
      return Optional.empty();
    }
    JsonNode node;
    try {
      node = YAML.readTree(yaml.get());
    } catch (IOException e) {
      LOG.warn("{}: front matter is not valid YAML, skipped ({})", file, e.getMessage());
      return Optional.empty();
    }
    if (node == null || !node.isObject()) {
      return Optional.empty();
    }
    Optional<String> id = text(node, "session_id").or(() -> text(node, "session"));
    if (id.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new SessionInfo(
            id.get(),
            text(node, "date").or(() -> text(node, "started")).flatMap(v -> day(file, v)),
            text(node, "agent"),
            text(node, "model").or(() -> text(node, "instance")),
            text(node, "blueprint"),
            text(node, "start_commit"),
            text(node, "end_commit"),
            text(node, "run_id").or(() -> text(node, "blueprint_run"))));
  }

  /** The text between a leading {@code ---} line and the next {@code ---} line, if any. */
  static Optional<String> frontMatter(String content) {
    String[] lines = content.split("\r?\n", -1);
    if (lines.length == 0 || !lines[0].strip().equals("---")) {
      return Optional.empty();
    }
    StringBuilder yaml = new StringBuilder();
    for (int i = 1; i < lines.length; i++) {
      String l = lines[i];
      if (l.strip().equals("---") || l.strip().equals("...")) {
        return Optional.of(yaml.toString());
      }
      yaml.append(l).append('\n');
    }
    return Optional.empty();
  }

  private static Optional<String> text(JsonNode node, String key) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull() || v.isContainerNode()) {
      return Optional.empty();
    }
    String s = v.asText().strip();
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  private static Optional<LocalDate> day(Path file, String value) {
    try {
      return Optional.of(LocalDate.parse(value.length() >= 10 ? value.substring(0, 10) : value));
    } catch (DateTimeParseException e) {
      LOG.warn("{}: date '{}' is not an ISO date, ignored", file, value);
      return Optional.empty();
    }
  }
}
