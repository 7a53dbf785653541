package dev.blueprint.tools.dispatch.agents;

import dev.blueprint.tools.dispatch.process.ProcessOutput;

/**
 * Runs a task's own {@code command} field as a CI step would: {@code <shell> <shell_flags...> -c
 * <script>} in the workspace, where the script is the command lines joined by newlines (with {@code
 * -e}, the first failing line ends it). The script is the blueprint author's command, never task
 * prose; the prompt is not used.
 */
public final class CommandAdapter implements AgentAdapter {

  @Override
  public String name() {
    return "command";
  }

  @Override
  public AgentInvocation invocation(AgentRequest request) {
    if (request.command().isEmpty()) {
      throw new IllegalArgumentException(
          "task " + request.taskId() + " has no command for the command agent");
    }
    String script = String.join("\n", request.command());
    return new AgentInvocation(request.shell().argv(script), null, request.env());
  }

  @Override
  public AgentResult parse(int exitCode, ProcessOutput output) {
    String summary =
        exitCode == 0
            ? Outputs.lastLines(output.stdoutTail(), 5)
            : "command exited " + exitCode + ": " + Outputs.lastLines(output.stderrTail(), 5);
    return new AgentResult(exitCode == 0, summary, null, null, null, null);
  }
}
