package dev.blueprint.server.mcp;

import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.BlueprintReader;
import dev.blueprint.tools.blueprint.Diagnostic;
import dev.blueprint.tools.validate.ValidationReport;
import dev.blueprint.tools.validate.Validator;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CreateMessageRequest;
import io.modelcontextprotocol.spec.McpSchema.CreateMessageResult;
import io.modelcontextprotocol.spec.McpSchema.Role;
import io.modelcontextprotocol.spec.McpSchema.SamplingMessage;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drafts a blueprint from free-text goals with the client's own model (MCP sampling), validates it,
 * and asks again with the diagnostics at most {@value #RETRIES} times. No API key: the client pays
 * for and approves the sampling.
 */
final class BlueprintDrafter {
  static final int RETRIES = 2;
  static final String DRAFT_SOURCE = "<draft>";
  private static final Logger LOG = LoggerFactory.getLogger(BlueprintDrafter.class);
  private static final int MAX_TOKENS = 8000;
  private static final Pattern OUTER_FENCE =
      Pattern.compile("\\A\\s*```(?:markdown|md)?\\s*\\n(.*)\\n```\\s*\\z", Pattern.DOTALL);

  private final String systemPrompt = instructions();

  /** What the model is told about BSF, also offered to clients as the draft-blueprint prompt. */
  static String instructions() {
    return resource("/mcp/draft-system-prompt.md");
  }

  /** What came of drafting. */
  sealed interface Outcome permits Draft, Unavailable {}

  /** The last draft, valid or not, and how many model calls it took. */
  record Draft(String text, Blueprint blueprint, ValidationReport report, int attempts)
      implements Outcome {}

  /** Drafting could not happen (no sampling support, the client refused or failed). */
  record Unavailable(String message) implements Outcome {}

  Outcome draft(ToolCall call, String goals) {
    McpSyncServerExchange exchange = call.exchange();
    if (exchange.getClientCapabilities() == null
        || exchange.getClientCapabilities().sampling() == null) {
      return new Unavailable(
          "this client does not support MCP sampling, so plan cannot draft a blueprint from"
              + " goals; write the blueprint yourself (BSF markdown with ```yaml task blocks)"
              + " and call plan with path or text");
    }
    List<SamplingMessage> messages = new ArrayList<>();
    messages.add(user("Goals:\n" + goals + "\n\nWrite the blueprint now."));
    Draft last = null;
    int attempts = 1 + RETRIES;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      call.progress(attempt - 1, attempts, "drafting the blueprint, attempt " + attempt);
      String text;
      try {
        text = ask(exchange, messages);
      } catch (RuntimeException e) {
        LOG.warn("sampling failed on attempt {}: {}", attempt, e.getMessage());
        return new Unavailable("the client's model could not draft a blueprint: " + reason(e));
      }
      Blueprint blueprint = BlueprintReader.readString(text, DRAFT_SOURCE);
      ValidationReport report = Validator.validate(blueprint);
      last = new Draft(text, blueprint, report, attempt);
      if (report.valid()) {
        return last;
      }
      messages.add(new SamplingMessage(Role.ASSISTANT, new TextContent(text)));
      messages.add(user(fixRequest(report)));
    }
    return last;
  }

  private String ask(McpSyncServerExchange exchange, List<SamplingMessage> messages) {
    CreateMessageResult result =
        exchange.createMessage(
            CreateMessageRequest.builder()
                .systemPrompt(systemPrompt)
                .messages(List.copyOf(messages))
                .maxTokens(MAX_TOKENS)
                .build());
    if (!(result.content() instanceof TextContent content)) {
      throw new IllegalStateException("the model answered without text");
    }
    Matcher fenced = OUTER_FENCE.matcher(content.text());
    return fenced.matches() ? fenced.group(1) : content.text();
  }

  private static String fixRequest(ValidationReport report) {
    StringBuilder sb =
        new StringBuilder("The blueprint is invalid. Fix every error and answer with the whole ")
            .append("corrected blueprint only:");
    for (Diagnostic d : report.diagnostics()) {
      if (d.isError()) {
        sb.append('\n').append(ValidationView.line(d));
      }
    }
    return sb.toString();
  }

  private static SamplingMessage user(String text) {
    return new SamplingMessage(Role.USER, new TextContent(text));
  }

  private static String reason(RuntimeException e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }

  private static String resource(String name) {
    try (InputStream in = BlueprintDrafter.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing from the jar: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
