package dev.blueprint.tools.dispatch.agents;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprint.tools.dispatch.process.ProcessOutput;
import dev.blueprint.tools.status.TokenUsage;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenAI Codex CLI: {@code codex exec --json --full-auto [--model M] -}, prompt on stdin ({@code
 * -}). It prints JSON lines: {@code thread.started{thread_id}}, {@code turn.started}, {@code
 * item.completed{item{type, text}}} (the {@code agent_message} item is its answer), {@code
 * turn.completed{usage{input_tokens, cached_input_tokens, output_tokens}}}, {@code
 * turn.failed{error{message}}} and {@code error{message}}. Codex reports tokens, not cost.
 */
public final class CodexAdapter implements AgentAdapter {
  private final String executable;

  public CodexAdapter(String executable) {
    this.executable = executable;
  }

  @Override
  public String name() {
    return "codex";
  }

  @Override
  public AgentInvocation invocation(AgentRequest request) {
    List<String> argv = new ArrayList<>(List.of(executable, "exec", "--json", "--full-auto"));
    if (request.model() != null) {
      argv.addAll(List.of("--model", request.model()));
    }
    argv.add("-");
    return new AgentInvocation(argv, request.prompt(), request.env());
  }

  @Override
  public AgentResult parse(int exitCode, ProcessOutput output) {
    TokenUsage tokens = TokenUsage.NONE;
    String threadId = null;
    String lastMessage = null;
    String failure = null;
    int turns = 0;
    for (JsonNode e : Outputs.jsonLines(output)) {
      String type = Outputs.textAt(e, "type");
      if (type == null) {
        continue;
      }
      switch (type) {
        case "thread.started" -> threadId = Outputs.textAt(e, "thread_id");
        case "turn.completed" -> {
          turns++;
          JsonNode u = e.get("usage");
          long cached = Outputs.longAt(u, "cached_input_tokens");
          // input_tokens includes the cached part; keep them apart like the other agents do.
          tokens =
              tokens.plus(
                  new TokenUsage(
                      Math.max(0, Outputs.longAt(u, "input_tokens") - cached),
                      Outputs.longAt(u, "output_tokens"),
                      cached,
                      0));
        }
        case "item.completed" -> {
          JsonNode item = e.get("item");
          String itemType = Outputs.textAt(item, "type");
          if ("agent_message".equals(itemType) || "assistant_message".equals(itemType)) {
            lastMessage = Outputs.textAt(item, "text");
          }
        }
        case "turn.failed" -> failure = Outputs.textAt(e.get("error"), "message");
        case "error" -> failure = Outputs.textAt(e, "message");
        default -> {}
      }
    }
    if (threadId == null && turns == 0 && failure == null) {
      return AgentResult.failure(
          "codex printed no JSON events (exit "
              + exitCode
              + "): "
              + Outputs.lastLines(output.stderrTail(), 5));
    }
    boolean ok = exitCode == 0 && failure == null;
    String summary =
        ok
            ? (lastMessage == null ? "" : lastMessage)
            : failure != null ? failure : "codex exited " + exitCode;
    return new AgentResult(ok, summary, null, tokens, threadId, turns);
  }
}
