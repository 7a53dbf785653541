package dev.blueprint.hooks.spool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The folder {@code .blueprint/spool/} where the hook script leaves one JSON file per hook call
 * ({@code <time>-<session>-<event>.json}) for {@code bp journal write --spool} to pick up.
 */
public final class HookSpool {

  /** The spool folder inside a repository. */
  public static final String FOLDER = ".blueprint/spool";

  /** The file naming the session in progress, read by the prepare-commit-msg hook. */
  public static final String ACTIVE_SESSION = "active-session";

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path folder;

  public HookSpool(Path folder) {
    this.folder = folder;
  }

  /** The spool of a repository. */
  public static HookSpool of(Path repoRoot) {
    return new HookSpool(repoRoot.resolve(FOLDER));
  }

  /**
   * Reads one spool file.
   *
   * @throws IOException when it cannot be read or is not the JSON the hook writes
   */
  public SpoolRecord read(Path file) throws IOException {
    JsonNode node = JSON.readTree(file.toFile());
    if (node == null || !node.isObject()) {
      throw new IOException(file + " is not a spooled hook call (expected a JSON object)");
    }
    JsonNode input = node.path("input");
    String session = input.path("session_id").asText("");
    if (session.isEmpty()) {
      throw new IOException(file + " names no session_id");
    }
    return new SpoolRecord(
        file,
        node.path("event").asText(input.path("hook_event_name").asText("")),
        node.path("received_at").asText(""),
        text(node, "head_commit"),
        session,
        text(input, "transcript_path").map(Path::of),
        text(input, "cwd"),
        text(input, "reason"));
  }

  private static Optional<String> text(JsonNode node, String key) {
    JsonNode v = node.path(key);
    return v.isTextual() && !v.asText().isBlank() ? Optional.of(v.asText()) : Optional.empty();
  }

  /** The start commit a SessionStart call recorded for the session, the earliest if several. */
  public Optional<String> startCommit(String sessionId) throws IOException {
    return recordsOf(sessionId).stream()
        .filter(r -> r.event().equals("SessionStart"))
        .map(SpoolRecord::headCommit)
        .flatMap(Optional::stream)
        .findFirst();
  }

  /** Every readable spool record of the session, oldest first; unreadable files are skipped. */
  public List<SpoolRecord> recordsOf(String sessionId) throws IOException {
    List<SpoolRecord> out = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return out;
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> dir =
        Files.newDirectoryStream(folder, "*-" + sessionId + "-*.json")) {
      dir.forEach(files::add);
    }
    files.sort(null);
    for (Path f : files) {
      try {
        SpoolRecord r = read(f);
        if (r.sessionId().equals(sessionId)) {
          out.add(r);
        }
      } catch (IOException e) {
        // a damaged spool file of the same session must not stop its journal
      }
    }
    return out;
  }

  /** Removes the session's spool files once its final journal is written. */
  public void clear(String sessionId) throws IOException {
    for (SpoolRecord r : recordsOf(sessionId)) {
      Files.deleteIfExists(r.file());
    }
  }
}
