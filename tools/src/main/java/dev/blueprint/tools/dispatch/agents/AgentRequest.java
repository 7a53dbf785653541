package dev.blueprint.tools.dispatch.agents;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What an agent is asked to do for one task.
 *
 * @param prompt the text built by {@link PromptBuilder}; LLM agents get it on stdin or as one argv
 *     element
 * @param model the model to ask for, or null for the agent's own default
 * @param command the task's own {@code command} lines, for the {@code command} agent; empty
 *     otherwise
 * @param files files the task names (to create or modify), for agents that take a file list
 * @param env extra environment for the agent process (resolved secrets, run ids)
 */
public record AgentRequest(
    String taskId,
    String prompt,
    Path workspace,
    String model,
    Duration timeout,
    List<String> command,
    ShellConfig shell,
    List<String> files,
    Map<String, String> env) {

  public AgentRequest {
    command = List.copyOf(command);
    files = List.copyOf(files);
    env = Map.copyOf(env);
    shell = shell == null ? ShellConfig.DEFAULT : shell;
  }

  /** A request for an LLM agent with no command, files or extra environment. */
  public static AgentRequest forPrompt(
      String taskId, String prompt, Path workspace, String model, Duration timeout) {
    return new AgentRequest(
        taskId, prompt, workspace, model, timeout, List.of(), null, List.of(), Map.of());
  }
}
