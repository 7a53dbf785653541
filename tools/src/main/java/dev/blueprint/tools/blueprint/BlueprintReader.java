package dev.blueprint.tools.blueprint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one entry point for reading blueprints. Detects the form by content (markdown with fenced
 * YAML task blocks, pure YAML in one or two documents, JSON), never by extension, and reads
 * leniently: anything that could not be read becomes a diagnostic, never an exception.
 */
public final class BlueprintReader {
  private BlueprintReader() {}

  /**
   * Reads a blueprint file.
   *
   * @throws IOException only when the file itself cannot be read (missing, unreadable)
   */
  public static Blueprint readFile(Path file) throws IOException {
    return readString(Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }

  /**
   * Reads blueprint text.
   *
   * @param sourceName how the text is named in diagnostics (a path, or a label such as "<text>")
   */
  public static Blueprint readString(String text, String sourceName) {
    throw new UnsupportedOperationException("reader not built yet");
  }
}
