package dev.blueprint.tools.dispatch.agents;

import dev.blueprint.tools.status.TokenUsage;

/**
 * What an agent reported once it ended.
 *
 * @param success the agent says the work is done (exit code and its own error flag agree)
 * @param summary its final message, or the reason it failed
 * @param costUsd null when the agent does not report cost
 * @param sessionId the agent's session or thread id, or null
 * @param turns the number of agent turns, or null when not reported
 */
public record AgentResult(
    boolean success,
    String summary,
    Double costUsd,
    TokenUsage tokens,
    String sessionId,
    Integer turns) {

  public AgentResult {
    tokens = tokens == null ? TokenUsage.NONE : tokens;
  }

  public static AgentResult failure(String why) {
    return new AgentResult(false, why, null, TokenUsage.NONE, null, null);
  }
}
