package dev.blueprint.server.mcp;

import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.BlueprintReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads the blueprint a tool call names, by path inside the repository or as text. A path that
 * leaves the repository, a missing file or a file too large is a readable refusal, not an error of
 * the protocol.
 */
final class BlueprintSource {
  /** Label used in diagnostics for blueprints given as text. */
  static final String TEXT_SOURCE = "<text>";

  private final RepositoryRoot root;
  private final long maxFileBytes;

  BlueprintSource(RepositoryRoot root, long maxFileBytes) {
    this.root = root;
    this.maxFileBytes = maxFileBytes;
  }

  /** What came of reading: a blueprint, or why there is none. */
  sealed interface Loaded permits Read, Refused {}

  record Read(Blueprint blueprint) implements Loaded {}

  record Refused(String message) implements Loaded {}

  Loaded fromPath(String relative) {
    Optional<Path> file = root.resolve(relative);
    if (file.isEmpty()) {
      return new Refused("path refused: '" + relative + "' is not inside the repository");
    }
    Path f = file.get();
    if (!Files.isRegularFile(f)) {
      return new Refused("no such file in the repository: " + relative);
    }
    try {
      if (Files.size(f) > maxFileBytes) {
        return new Refused("file too large: " + relative + " is over " + maxFileBytes + " bytes");
      }
      // Named relative to the repository, so results do not leak the server's folder layout.
      return new Read(
          BlueprintReader.readString(
              Files.readString(f, StandardCharsets.UTF_8), root.relativeName(f)));
    } catch (IOException e) {
      return new Refused("cannot read " + relative + ": " + e.getMessage());
    }
  }

  Loaded fromText(String text) {
    return new Read(BlueprintReader.readString(text, TEXT_SOURCE));
  }

  Loaded load(String path, String text) {
    return path != null ? fromPath(path) : fromText(text);
  }
}
