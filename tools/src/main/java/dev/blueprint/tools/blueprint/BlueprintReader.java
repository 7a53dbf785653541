package dev.blueprint.tools.blueprint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The one entry point for reading blueprints. Detects the form by content (markdown with fenced
 * YAML task blocks, pure YAML in one or two documents, JSON), never by extension, and reads
 * leniently: anything that could not be read becomes a diagnostic, never an exception.
 */
public final class BlueprintReader {
  /** A fence line at markdown indentation: pure YAML cannot hold one at column 0-3. */
  private static final Pattern FENCE = Pattern.compile("(?m)^ {0,3}(```|~~~)");

  /** The first meaningful YAML line is a top-level key or a document marker. */
  private static final Pattern YAML_START =
      Pattern.compile("^(---|%YAML|[A-Za-z_][\\w.\\-]*\\s*:)");

  private BlueprintReader() {}

  /**
   * Reads a blueprint file, as UTF-8.
   *
   * @throws IOException only when the file itself cannot be read (missing, unreadable, or not
   *     UTF-8: the {@link java.nio.charset.MalformedInputException} {@link Files#readString}
   *     throws)
   */
  public static Blueprint readFile(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    int firstNonAscii = Utf8Bytes.firstNonAscii(bytes, 0);
    if (firstNonAscii == bytes.length) {
      return readString(new String(bytes, StandardCharsets.ISO_8859_1), file.toString());
    }
    if (!Utf8Bytes.isValid(bytes, firstNonAscii)) {
      // Fails with Files.readString's own exception: callers show its message, which a
      // CharsetDecoder words differently (and should the two ever disagree, this reads the text).
      return readString(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }
    return readUtf8(bytes, file.toString());
  }

  /**
   * Reads well-formed UTF-8 bytes ({@link Utf8Bytes#isValid}): the same blueprint as decoding them
   * and calling {@link #readString}. A markdown blueprint is read from a Latin-1 view of its bytes
   * ({@link SourceText}) rather than decoded whole; any other form is decoded.
   */
  static Blueprint readUtf8(byte[] utf8, String sourceName) {
    if (!isMarkdown(utf8)) {
      return readString(new String(utf8, StandardCharsets.UTF_8), sourceName);
    }
    String source = sourceName == null ? "<text>" : sourceName;
    return guarded(
        source,
        () ->
            MarkdownReader.read(
                SourceText.view(utf8), new BlueprintParts(source, BlueprintForm.MARKDOWN), true));
  }

  /**
   * Reads blueprint text.
   *
   * @param sourceName how the text is named in diagnostics (a path, or a label such as "<text>")
   */
  public static Blueprint readString(String text, String sourceName) {
    String t = text == null ? "" : text.replace("\uFEFF", "");
    String source = sourceName == null ? "<text>" : sourceName;
    return guarded(source, () -> readDetected(t, source));
  }

  /** Runs a read; a reader bug still gives a value, and a blueprint without tasks is an error. */
  private static Blueprint guarded(String source, Supplier<Blueprint> reader) {
    Blueprint read;
    try {
      read = reader.get();
    } catch (RuntimeException | StackOverflowError e) {
      // A reader bug must still give a value: report it as a diagnostic rather than crash callers.
      BlueprintParts parts = new BlueprintParts(source, BlueprintForm.MARKDOWN);
      parts.diagnostics.add(
          Diagnostic.error(
              "E_READ_FAILED",
              "the blueprint could not be read (" + e.getClass().getSimpleName() + ")",
              null,
              0));
      read = parts.build();
    }
    return withNoTaskCheck(read);
  }

  private static Blueprint readDetected(String text, String source) {
    String trimmed = text.stripLeading();
    if (trimmed.startsWith("{")) {
      return readJson(text, source);
    }
    if (trimmed.startsWith("[")) {
      // A JSON list (of tasks) when it parses as JSON; else markdown or YAML that opens with '['.
      try {
        List<LocatedDocument> docs = LocatedTreeParser.parseJson(text, 1);
        return StructuredReader.read(docs, new BlueprintParts(source, BlueprintForm.JSON));
      } catch (LocatedTreeParser.ParseFailure e) {
        // not JSON: detected below
      }
    }
    if (!FENCE.matcher(text).find()) {
      Blueprint yaml = readYaml(text, source);
      if (yaml != null) {
        return yaml;
      }
    }
    return MarkdownReader.read(text, new BlueprintParts(source, BlueprintForm.MARKDOWN));
  }

  /**
   * Whether {@link #readDetected} takes the decoded bytes as markdown, decided on the bytes where
   * that is certain (else false, and the caller decodes): the first char that is neither whitespace
   * nor U+FEFF is ASCII and opens neither JSON form, and a line starting after {@code \n} (or the
   * first line) is a fence. That fence's bytes are ASCII with no U+FEFF inside, so the decoded text
   * has them at a line start too and {@link #FENCE} finds it; YAML is then never tried.
   */
  static boolean isMarkdown(byte[] b) {
    int i = 0;
    while (i < b.length) {
      int c = b[i] & 0xFF;
      if (c == 0xEF && i + 2 < b.length && b[i + 1] == (byte) 0xBB && b[i + 2] == (byte) 0xBF) {
        i += 3;
      } else if (c < 0x80 && Character.isWhitespace(c)) {
        i++;
      } else {
        break;
      }
    }
    if (i == b.length || b[i] < 0 || b[i] == '{' || b[i] == '[') {
      return false;
    }
    for (int line = 0; line < b.length; line++) {
      int k = line;
      while (k < b.length && k - line < 3 && b[k] == ' ') {
        k++;
      }
      if (k + 2 < b.length
          && (b[k] == '`' || b[k] == '~')
          && b[k + 1] == b[k]
          && b[k + 2] == b[k]) {
        return true;
      }
      while (line < b.length && b[line] != '\n') {
        line++;
      }
    }
    return false;
  }

  private static Blueprint readJson(String text, String source) {
    BlueprintParts parts = new BlueprintParts(source, BlueprintForm.JSON);
    try {
      List<LocatedDocument> docs = LocatedTreeParser.parseJson(text, 1);
      return StructuredReader.read(docs, parts);
    } catch (LocatedTreeParser.ParseFailure e) {
      // A log line in JSON before a markdown blueprint: prefer the markdown when it holds tasks.
      if (text.contains("task_id")) {
        Blueprint md =
            MarkdownReader.read(text, new BlueprintParts(source, BlueprintForm.MARKDOWN));
        if (!md.tasks().isEmpty()) {
          return md;
        }
      }
      parts.diagnostics.add(
          Diagnostic.error(
              "E_JSON_PARSE", "not valid JSON: " + firstLine(e.getMessage()), null, e.line));
      return parts.build();
    }
  }

  /** Reads pure YAML, or returns null when the text is not a YAML blueprint (then: markdown). */
  private static Blueprint readYaml(String text, String source) {
    BlueprintParts parts = new BlueprintParts(source, BlueprintForm.YAML);
    try {
      List<LocatedDocument> docs = LocatedTreeParser.parseYaml(text, 1);
      return StructuredReader.isModel(docs) ? StructuredReader.read(docs, parts) : null;
    } catch (LocatedTreeParser.ParseFailure e) {
      if (!looksLikeYaml(text)) {
        return null;
      }
      parts.diagnostics.add(
          Diagnostic.error(
              "E_YAML_PARSE", "not valid YAML: " + firstLine(e.getMessage()), null, e.line));
      return parts.build();
    }
  }

  private static boolean looksLikeYaml(String text) {
    for (String line : text.split("\r\n|\r|\n", 200)) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      return YAML_START.matcher(line).find();
    }
    return false;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).trim();
  }

  /** A file with zero task blocks is not a blueprint, whatever else it holds. */
  private static Blueprint withNoTaskCheck(Blueprint b) {
    if (!b.tasks().isEmpty()) {
      return b;
    }
    boolean unreadable = b.readDiagnostics().stream().anyMatch(Diagnostic::isError);
    String message =
        unreadable
            ? "no task could be read; fix the errors above (a task is a yaml block with task_id)"
            : "no tasks found: a blueprint needs at least one fenced ```yaml block with a task_id"
                + " (markdown) or a tiers[].tasks[] list (YAML, JSON)";
    List<Diagnostic> all = new java.util.ArrayList<>(b.readDiagnostics());
    all.add(Diagnostic.error("E_NO_TASKS", message, null, 0));
    return new Blueprint(
        b.source(),
        b.form(),
        b.title(),
        b.metadata(),
        b.execution(),
        b.tiers(),
        b.tasks(),
        b.declaredGraph(),
        b.extras(),
        all);
  }
}
