package dev.blueprint.tools.dispatch.agents;

import dev.blueprint.tools.dispatch.process.ProcessOutput;
import dev.blueprint.tools.status.BsfError;

/** How one agent attempt ended. */
public sealed interface AgentRun {

  /** The agent ran and says the work is done. */
  record Succeeded(AgentResult result, ProcessOutput output) implements AgentRun {}

  /**
   * The agent could not start, failed, or timed out.
   *
   * @param result what the agent reported, or null when it never ended on its own
   * @param output null when no process ran
   */
  record Failed(BsfError error, AgentResult result, ProcessOutput output) implements AgentRun {}
}
