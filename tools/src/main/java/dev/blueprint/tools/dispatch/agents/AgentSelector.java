package dev.blueprint.tools.dispatch.agents;

import dev.blueprint.tools.blueprint.Task;

/**
 * Which agent runs a task: the task's own {@code agent} field, else the one asked for on the
 * command line ({@code --agent}), else {@code command} when the task has a command, else the
 * configured default. {@code assignee} names a person or team and is never read here.
 */
public final class AgentSelector {
  private final String requested;
  private final String configuredDefault;

  /**
   * @param requested the {@code --agent} option, or null
   * @param configuredDefault the agent used when nothing else decides (for example {@code claude})
   */
  public AgentSelector(String requested, String configuredDefault) {
    this.requested = blankToNull(requested);
    this.configuredDefault = configuredDefault;
  }

  public String agentFor(Task task) {
    String own = blankToNull(task.agent());
    if (own != null) {
      return own;
    }
    if (requested != null) {
      return requested;
    }
    if (!task.command().isEmpty()) {
      return "command";
    }
    return configuredDefault;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
