package dev.blueprint.tools.dispatch.agents;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprint.tools.dispatch.process.ProcessOutput;
import java.util.ArrayList;
import java.util.List;

/**
 * A Grok CLI in headless mode: {@code grok --prompt <prompt> [--model M]}, run in the workspace.
 * Several CLIs answer to {@code grok} (the community grok-cli, xAI's own); their headless modes
 * print either plain text or JSON lines with {@code {type: "text", text, sessionID}} and {@code
 * {type: "error", message}} events. Both are read; no tokens or cost are reported by either.
 */
public final class GrokAdapter implements AgentAdapter {
  private final String executable;

  public GrokAdapter(String executable) {
    this.executable = executable;
  }

  @Override
  public String name() {
    return "grok";
  }

  @Override
  public AgentInvocation invocation(AgentRequest request) {
    List<String> argv = new ArrayList<>(List.of(executable));
    if (request.model() != null) {
      argv.addAll(List.of("--model", request.model()));
    }
    argv.addAll(List.of("--prompt", request.prompt()));
    return new AgentInvocation(argv, null, request.env());
  }

  @Override
  public AgentResult parse(int exitCode, ProcessOutput output) {
    List<JsonNode> events = Outputs.jsonLines(output);
    String text = null;
    String error = null;
    String session = null;
    for (JsonNode e : events) {
      String type = Outputs.textAt(e, "type");
      if ("text".equals(type)) {
        text = Outputs.textAt(e, "text");
      } else if ("error".equals(type)) {
        error = Outputs.textAt(e, "message");
      }
      if (Outputs.textAt(e, "sessionID") != null) {
        session = Outputs.textAt(e, "sessionID");
      }
    }
    if (events.isEmpty()) {
      text = Outputs.lastLines(output.stdoutTail(), 10);
    }
    boolean ok = exitCode == 0 && error == null;
    String summary =
        ok ? (text == null ? "" : text) : error != null ? error : "grok exited " + exitCode;
    return new AgentResult(ok, summary, null, null, session, null);
  }
}
