package dev.blueprint.server.mcp;

import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.BlueprintReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads the blueprint a tool call names, by path inside the repository or as text. A path that
 * leaves the repository, a missing file or a file too large is a readable refusal, not an error of
 * the protocol. Reading gives the text; parsing it is a separate step ({@link #parse}) that a tool
 * skips when it already has the result for that text.
 */
final class BlueprintSource {
  /** Label used in diagnostics for blueprints given as text. */
  static final String TEXT_SOURCE = "<text>";

  private final RepositoryRoot root;
  private final long maxFileBytes;
  private final UnchangedFiles unchanged;
  private final AtomicLong parses = new AtomicLong();
  private final AtomicLong fileReads = new AtomicLong();

  BlueprintSource(RepositoryRoot root, long maxFileBytes) {
    this(root, maxFileBytes, UnchangedFiles.systemClock());
  }

  BlueprintSource(RepositoryRoot root, long maxFileBytes, UnchangedFiles unchanged) {
    this.root = root;
    this.maxFileBytes = maxFileBytes;
    this.unchanged = unchanged;
  }

  /** What came of reading: a blueprint's text, or why there is none. */
  sealed interface Loaded permits Read, Refused {}

  /**
   * A blueprint's text as the reader will see it. The reader's result depends on these two values
   * alone, which makes them a cache key (a file's bytes are decoded strictly, so two different
   * files never give one text).
   *
   * @param sourceName how diagnostics name it: the path relative to the repository, or {@link
   *     #TEXT_SOURCE}
   */
  record Read(String sourceName, String text) implements Loaded {}

  record Refused(String message) implements Loaded {}

  Loaded fromPath(String relative) {
    Optional<Read> same = unchanged.lookup(relative);
    if (same.isPresent()) {
      return same.get();
    }
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
        return new Refused(tooLarge(relative));
      }
      // Taken before reading: a write during the read leaves a status that no longer matches.
      Optional<UnchangedFiles.Status> before = unchanged.status(f);
      byte[] bytes = Files.readAllBytes(f);
      fileReads.incrementAndGet();
      if (bytes.length > maxFileBytes) {
        return new Refused(tooLarge(relative));
      }
      // Named relative to the repository, so results do not leak the server's folder layout.
      Read read = new Read(root.relativeName(f), utf8(bytes));
      unchanged.remember(relative, f, before, read);
      return read;
    } catch (IOException e) {
      return new Refused("cannot read " + relative + ": " + e.getMessage());
    }
  }

  Loaded fromText(String text) {
    return new Read(TEXT_SOURCE, text);
  }

  Loaded load(String path, String text) {
    return path != null ? fromPath(path) : fromText(text);
  }

  /** Parses what was read. */
  Blueprint parse(Read read) {
    parses.incrementAndGet();
    return BlueprintReader.readString(read.text(), read.sourceName());
  }

  /** How many times a file's bytes were read (what an unchanged file's status saves; tests). */
  long fileReads() {
    return fileReads.get();
  }

  /** How many blueprints were parsed so far (what a cached result saves; read by tests). */
  long parses() {
    return parses.get();
  }

  private String tooLarge(String relative) {
    return "file too large: " + relative + " is over " + maxFileBytes + " bytes";
  }

  /**
   * Strict, as {@link Files#readString} is: a file that is not UTF-8 is refused, not mangled. The
   * lenient decoder is several times faster; it marks a malformed byte with U+FFFD, so only a text
   * holding that character needs the strict (slow) check.
   */
  private static String utf8(byte[] bytes) throws IOException {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.indexOf('\uFFFD') >= 0) {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
    }
    return text;
  }
}
