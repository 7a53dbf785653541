package dev.blueprint.tools.dispatch.agents;

import java.util.List;
import java.util.Map;

/**
 * How to start an agent: the argv (never a shell string made from task text), the text for its
 * stdin (or null), and environment to add.
 */
public record AgentInvocation(List<String> argv, String stdin, Map<String, String> env) {
  public AgentInvocation {
    argv = List.copyOf(argv);
    env = Map.copyOf(env);
  }
}
