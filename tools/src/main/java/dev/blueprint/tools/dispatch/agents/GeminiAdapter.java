package dev.blueprint.tools.dispatch.agents;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprint.tools.dispatch.process.ProcessOutput;
import dev.blueprint.tools.status.TokenUsage;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Google Gemini CLI in headless mode: {@code gemini --output-format json --yolo [--model M]
 * --prompt <prompt>}, the prompt as one argv element. It prints one JSON object: {@code response},
 * {@code stats.models.<model>.tokens{prompt, candidates, cached, ...}}, and {@code error{type,
 * message}} on failure; exit codes 0 ok, 1 error, 42 bad input, 53 turn limit. No cost is reported.
 */
public final class GeminiAdapter implements AgentAdapter {
  private final String executable;

  public GeminiAdapter(String executable) {
    this.executable = executable;
  }

  @Override
  public String name() {
    return "gemini";
  }

  @Override
  public AgentInvocation invocation(AgentRequest request) {
    // --yolo approves its own tool calls: there is nobody to answer prompts in a workspace.
    List<String> argv = new ArrayList<>(List.of(executable, "--output-format", "json", "--yolo"));
    if (request.model() != null) {
      argv.addAll(List.of("--model", request.model()));
    }
    argv.addAll(List.of("--prompt", request.prompt()));
    return new AgentInvocation(argv, null, request.env());
  }

  @Override
  public AgentResult parse(int exitCode, ProcessOutput output) {
    Optional<JsonNode> found = Outputs.lastJsonObject(output);
    if (found.isEmpty()) {
      return AgentResult.failure(
          "gemini printed no JSON object (exit "
              + exitCode
              + "): "
              + Outputs.lastLines(output.stderrTail(), 5));
    }
    JsonNode r = found.get();
    TokenUsage tokens = TokenUsage.NONE;
    JsonNode models = r.path("stats").path("models");
    for (Iterator<JsonNode> it = models.elements(); it.hasNext(); ) {
      JsonNode t = it.next().get("tokens");
      long cached = Outputs.longAt(t, "cached");
      tokens =
          tokens.plus(
              new TokenUsage(
                  Math.max(0, Outputs.longAt(t, "prompt") - cached),
                  Outputs.longAt(t, "candidates") + Outputs.longAt(t, "thoughts"),
                  cached,
                  0));
    }
    JsonNode error = r.get("error");
    boolean failed = error != null && !error.isNull();
    String summary =
        failed
            ? Optional.ofNullable(Outputs.textAt(error, "message")).orElse(error.toString())
            : Optional.ofNullable(Outputs.textAt(r, "response")).orElse("");
    return new AgentResult(
        exitCode == 0 && !failed, summary, null, tokens, Outputs.textAt(r, "session_id"), null);
  }
}
