package dev.blueprint.tools.dispatch.agents;

import dev.blueprint.tools.dispatch.process.ProcessOutput;

/**
 * One agent CLI: how to start it for a request, and how to read what it printed. Adapters hold no
 * state between calls and never pass task text through a shell.
 */
public interface AgentAdapter {

  /** The agent family name used in blueprints and on the command line ({@code claude}, ...). */
  String name();

  AgentInvocation invocation(AgentRequest request);

  /**
   * Reads the agent's result from a process that exited on its own.
   *
   * @param output its captured output; the full stdout is in {@code output.stdoutLog()}
   */
  AgentResult parse(int exitCode, ProcessOutput output);
}
