package dev.blueprint.tools.dispatch.agents;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprint.tools.dispatch.process.ProcessOutput;
import dev.blueprint.tools.status.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Claude Code in print mode: {@code claude -p --output-format json --permission-mode acceptEdits
 * [--model M]} with the prompt on stdin. It prints one JSON object when done: {@code type:
 * "result"}, {@code subtype}, {@code is_error}, {@code result} (the final text), {@code
 * session_id}, {@code total_cost_usd}, {@code num_turns} and {@code usage{input_tokens,
 * output_tokens, cache_read_input_tokens, cache_creation_input_tokens}}.
 */
public final class ClaudeAdapter implements AgentAdapter {
  private final String executable;

  public ClaudeAdapter(String executable) {
    this.executable = executable;
  }

  @Override
  public String name() {
    return "claude";
  }

  @Override
  public AgentInvocation invocation(AgentRequest request) {
    List<String> argv = new ArrayList<>(List.of(executable, "-p", "--output-format", "json"));
    // Edits are the job; acceptEdits lets it write files without an interactive approval.
    argv.addAll(List.of("--permission-mode", "acceptEdits"));
    if (request.model() != null) {
      argv.addAll(List.of("--model", request.model()));
    }
    return new AgentInvocation(argv, request.prompt(), request.env());
  }

  @Override
  public AgentResult parse(int exitCode, ProcessOutput output) {
    Optional<JsonNode> found = Outputs.lastJsonObject(output);
    if (found.isEmpty() || !"result".equals(Outputs.textAt(found.get(), "type"))) {
      return AgentResult.failure(
          "claude printed no JSON result object (exit "
              + exitCode
              + "): "
              + Outputs.lastLines(output.stderrTail() + "\n" + output.stdoutTail(), 5));
    }
    JsonNode r = found.get();
    JsonNode usage = r.get("usage");
    TokenUsage tokens =
        new TokenUsage(
            Outputs.longAt(usage, "input_tokens"),
            Outputs.longAt(usage, "output_tokens"),
            Outputs.longAt(usage, "cache_read_input_tokens"),
            Outputs.longAt(usage, "cache_creation_input_tokens"));
    boolean isError = r.path("is_error").asBoolean(false);
    JsonNode cost = r.get("total_cost_usd");
    JsonNode turns = r.get("num_turns");
    String text = Outputs.textAt(r, "result");
    if (text == null) {
      text = Optional.ofNullable(Outputs.textAt(r, "subtype")).orElse("");
    }
    return new AgentResult(
        exitCode == 0 && !isError,
        text,
        cost != null && cost.isNumber() ? cost.asDouble() : null,
        tokens,
        Outputs.textAt(r, "session_id"),
        turns != null && turns.isInt() ? turns.asInt() : null);
  }
}
