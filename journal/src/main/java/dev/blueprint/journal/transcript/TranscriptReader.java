package dev.blueprint.journal.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a Claude Code transcript (one JSON object per line) into {@link TranscriptFacts}.
 *
 * <p>Claude Code streams one assistant message as several lines (one per content block) that repeat
 * the same {@code usage}; usage is therefore counted once per message id and request id. A line
 * that is not a JSON object is counted and skipped: a transcript cut off by a killed client still
 * yields what it holds.
 */
public final class TranscriptReader {

  private static final Set<String> EDIT_TOOLS =
      Set.of("Edit", "Write", "MultiEdit", "NotebookEdit");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Reads the transcript file. */
  public TranscriptFacts read(Path transcript) throws IOException {
    try (Reader in = Files.newBufferedReader(transcript, StandardCharsets.UTF_8)) {
      return read(in);
    }
  }

  /** Reads a transcript from any source of text; the reader is not closed. */
  public TranscriptFacts read(Reader in) throws IOException {
    Accumulator acc = new Accumulator();
    BufferedReader lines = in instanceof BufferedReader b ? b : new BufferedReader(in);
    String line;
    while ((line = lines.readLine()) != null) {
      if (line.isBlank()) {
        continue;
      }
      acc.lines++;
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (IOException e) {
        node = null;
      }
      if (node == null || !node.isObject()) {
        acc.malformed++;
        continue;
      }
      acc.accept(node);
    }
    return acc.facts();
  }

  /** Collects facts line by line; one instance per transcript. */
  private static final class Accumulator {
    String sessionId;
    String cwd;
    final Set<String> models = new LinkedHashSet<>();
    final Set<String> edited = new LinkedHashSet<>();
    final List<String> commands = new ArrayList<>();
    final Map<String, TokenUsage> usageByMessage = new LinkedHashMap<>();
    final List<String> summaries = new ArrayList<>();
    final List<ToolFailure> toolFailures = new ArrayList<>();
    final Map<String, ToolFailure> callsById = new LinkedHashMap<>();
    Instant first;
    Instant last;
    int lines;
    int malformed;

    void accept(JsonNode node) {
      if (sessionId == null && node.path("sessionId").isTextual()) {
        sessionId = node.path("sessionId").asText();
      }
      if (cwd == null && node.path("cwd").isTextual()) {
        cwd = node.path("cwd").asText();
      }
      timestamp(node.path("timestamp"));
      switch (node.path("type").asText("")) {
        case "assistant" -> assistant(node);
        case "user" -> user(node.path("message"));
        case "summary" -> {
          if (node.path("summary").isTextual()) {
            summaries.add(node.path("summary").asText());
          }
        }
        default -> {
          // system, file-history-snapshot and future line types carry nothing a journal needs
        }
      }
    }

    private void timestamp(JsonNode ts) {
      if (!ts.isTextual()) {
        return;
      }
      try {
        Instant t = Instant.parse(ts.asText());
        first = first == null || t.isBefore(first) ? t : first;
        last = last == null || t.isAfter(last) ? t : last;
      } catch (DateTimeParseException e) {
        // an unreadable timestamp says nothing about the session's span
      }
    }

    private void assistant(JsonNode node) {
      JsonNode message = node.path("message");
      String model = message.path("model").asText("");
      // Claude Code writes "<synthetic>" for messages it made up itself (errors, interrupts)
      if (!model.isEmpty() && !model.startsWith("<")) {
        models.add(model);
      }
      JsonNode usage = message.path("usage");
      if (usage.isObject()) {
        String key = message.path("id").asText("") + "|" + node.path("requestId").asText("");
        if (key.equals("|")) {
          key = "line-" + lines;
        }
        usageByMessage.put(
            key,
            new TokenUsage(
                usage.path("input_tokens").asLong(0),
                usage.path("output_tokens").asLong(0),
                usage.path("cache_creation_input_tokens").asLong(0),
                usage.path("cache_read_input_tokens").asLong(0)));
      }
      for (JsonNode block : message.path("content")) {
        if ("tool_use".equals(block.path("type").asText())) {
          toolUse(block.path("id").asText(""), block.path("name").asText(""), block.path("input"));
        }
      }
    }

    private void toolUse(String id, String name, JsonNode input) {
      String subject = "";
      if (EDIT_TOOLS.contains(name)) {
        JsonNode path =
            input.has("file_path") ? input.path("file_path") : input.path("notebook_path");
        if (path.isTextual() && !path.asText().isBlank()) {
          subject = path.asText();
          edited.add(subject);
        }
      } else if ("Bash".equals(name) && input.path("command").isTextual()) {
        subject = input.path("command").asText();
        commands.add(subject);
      }
      if (!id.isEmpty()) {
        callsById.put(id, new ToolFailure(name, subject, ""));
      }
    }

    private void user(JsonNode message) {
      for (JsonNode block : message.path("content")) {
        if ("tool_result".equals(block.path("type").asText())
            && block.path("is_error").asBoolean(false)) {
          ToolFailure call =
              callsById.getOrDefault(
                  block.path("tool_use_id").asText(""), new ToolFailure("unknown", "", ""));
          toolFailures.add(
              new ToolFailure(call.tool(), call.subject(), text(block.path("content"))));
        }
      }
    }

    private static String text(JsonNode content) {
      if (content.isTextual()) {
        return content.asText();
      }
      StringBuilder sb = new StringBuilder();
      for (JsonNode part : content) {
        if (part.path("text").isTextual()) {
          sb.append(sb.length() == 0 ? "" : "\n").append(part.path("text").asText());
        }
      }
      return sb.toString();
    }

    TranscriptFacts facts() {
      TokenUsage total = TokenUsage.ZERO;
      for (TokenUsage u : usageByMessage.values()) {
        total = total.plus(u);
      }
      return new TranscriptFacts(
          Optional.ofNullable(sessionId),
          Optional.ofNullable(cwd),
          new ArrayList<>(models),
          new ArrayList<>(edited),
          commands,
          total,
          Optional.ofNullable(first),
          Optional.ofNullable(last),
          summaries,
          toolFailures,
          lines,
          malformed);
    }
  }
}
