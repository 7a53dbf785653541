package dev.blueprint.tools.dispatch.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blueprint.tools.dispatch.process.ProcessOutput;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reading agents' stdout logs: whole JSON documents, JSON lines, and last lines of text. */
final class Outputs {
  static final ObjectMapper JSON = new ObjectMapper();

  /**
   * How much of stdout is read to find a result: the result comes last, and a flood before it must
   * not cost the engine its heap (16 workers reading 64 MB each would).
   */
  private static final int MAX_READ_BYTES = 8 * 1024 * 1024;

  /** A JSON event line longer than this is not an event any agent CLI prints. */
  private static final int MAX_LINE_BYTES = 1024 * 1024;

  private Outputs() {}

  /**
   * The last JSON object on stdout: the whole output when it is one document, else the last line
   * that parses as an object (CLIs sometimes print a warning line first).
   */
  static Optional<JsonNode> lastJsonObject(ProcessOutput out) {
    String text = readEnd(out).trim();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Optional<JsonNode> whole = parseObject(text);
    if (whole.isPresent()) {
      return whole;
    }
    List<String> lines = text.lines().toList();
    for (int i = lines.size() - 1; i >= 0; i--) {
      Optional<JsonNode> n = parseObject(lines.get(i).trim());
      if (n.isPresent()) {
        return n;
      }
    }
    return Optional.empty();
  }

  /**
   * Every line of stdout that parses as a JSON object, in order; other lines are skipped, and so
   * are lines longer than {@link #MAX_LINE_BYTES} (never held in memory whole).
   */
  static List<JsonNode> jsonLines(ProcessOutput out) {
    List<JsonNode> nodes = new ArrayList<>();
    try (InputStream in = new BufferedInputStream(Files.newInputStream(out.stdoutLog()))) {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      boolean tooLong = false;
      int b;
      while ((b = in.read()) != -1) {
        if (b == '\n') {
          if (!tooLong) {
            parseObject(line.toString(StandardCharsets.UTF_8).trim()).ifPresent(nodes::add);
          }
          line.reset();
          tooLong = false;
        } else if (!tooLong) {
          line.write(b);
          if (line.size() > MAX_LINE_BYTES) {
            tooLong = true;
            line.reset();
          }
        }
      }
      if (!tooLong) {
        parseObject(line.toString(StandardCharsets.UTF_8).trim()).ifPresent(nodes::add);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + out.stdoutLog(), e);
    }
    return nodes;
  }

  /** The last non-blank lines of the stdout tail, at most {@code n}. */
  static String lastLines(String tail, int n) {
    List<String> lines = tail.lines().filter(l -> !l.isBlank()).toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
  }

  static long longAt(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v != null && v.isNumber() ? v.asLong() : 0L;
  }

  static String textAt(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v != null && v.isTextual() ? v.asText() : null;
  }

  /** The last {@link #MAX_READ_BYTES} of stdout (all of it when smaller). */
  private static String readEnd(ProcessOutput out) {
    try (RandomAccessFile f = new RandomAccessFile(out.stdoutLog().toFile(), "r")) {
      long len = f.length();
      int n = (int) Math.min(len, MAX_READ_BYTES);
      byte[] buf = new byte[n];
      f.seek(len - n);
      f.readFully(buf);
      return new String(buf, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + out.stdoutLog(), e);
    }
  }

  private static Optional<JsonNode> parseObject(String text) {
    if (!text.startsWith("{")) {
      return Optional.empty();
    }
    try {
      JsonNode n = JSON.readTree(text);
      return n != null && n.isObject() ? Optional.of(n) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
