package dev.blueprint.server.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.spec.McpSchema.GetPromptResult;
import io.modelcontextprotocol.spec.McpSchema.Prompt;
import io.modelcontextprotocol.spec.McpSchema.PromptArgument;
import io.modelcontextprotocol.spec.McpSchema.PromptMessage;
import io.modelcontextprotocol.spec.McpSchema.Role;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.util.List;

/**
 * The {@code draft-blueprint} prompt: the same instructions {@code plan} sends through sampling,
 * for clients without sampling, whose user can pick the prompt and let their own model write the
 * blueprint, then call {@code validate} and {@code plan} on it.
 */
final class DraftPrompt {
  static final String NAME = "draft-blueprint";

  private DraftPrompt() {}

  static SyncPromptSpecification specification(String instructions) {
    Prompt prompt =
        new Prompt(
            NAME,
            "Draft a blueprint",
            "Write a BSF blueprint for the goals; then validate and plan it.",
            List.of(new PromptArgument("goals", "what to build", true)));
    return new SyncPromptSpecification(
        prompt,
        (exchange, request) -> {
          Object goals = request.arguments() == null ? null : request.arguments().get("goals");
          if (!(goals instanceof String g) || g.isBlank()) {
            throw ToolReplies.invalidParams("argument 'goals' is required");
          }
          String text =
              instructions
                  + "\n\nGoals:\n"
                  + g
                  + "\n\nWrite the blueprint to a .bp.md file, then call validate on it and fix"
                  + " every error before calling plan.";
          return new GetPromptResult(
              "blueprint draft instructions",
              List.of(new PromptMessage(Role.USER, new TextContent(text))));
        });
  }
}
