package dev.blueprint.server.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every tool the server offers, built in one list in one method, so what a client sees is written
 * down in one place.
 */
final class McpTools {
  private static final Logger LOG = LoggerFactory.getLogger(McpTools.class);

  private final ValidateTool validate;
  private final PlanTool plan;
  private final CommitTool commit;

  McpTools(BlueprintSource source, BlueprintDrafter drafter, CommitTool commit, ResultCache cache) {
    this.validate = new ValidateTool(source, cache);
    this.plan = new PlanTool(source, drafter, cache);
    this.commit = commit;
  }

  /**
   * The tool list. The run tools ({@code dispatch}, {@code status}, {@code aggregate}) follow it:
   * {@link RunTools#plus} appends them, since they share one dispatcher per repository.
   */
  List<SyncToolSpecification> all() {
    return List.of(
        tool(ValidateTool.definition(), call -> validate.call(call.args())),
        tool(PlanTool.definition(), plan::call),
        tool(CommitTool.definition(), commit::call));
  }

  /**
   * A {@code tools/call} answered from the result cache without running a handler: {@code validate}
   * or {@code plan} of a blueprint whose content was seen before. Empty for anything else.
   */
  Optional<CallToolResult> cachedAnswer(String tool, Map<String, Object> arguments) {
    ToolArguments args = new ToolArguments(arguments);
    return switch (tool) {
      case ValidateTool.NAME -> validate.cached(args);
      case PlanTool.NAME -> plan.cached(args);
      default -> Optional.empty();
    };
  }

  static SyncToolSpecification tool(Tool definition, Function<ToolCall, CallToolResult> handler) {
    return SyncToolSpecification.builder()
        .tool(definition)
        .callHandler(
            (exchange, request) -> {
              try {
                Object token = request.meta() == null ? null : request.meta().get("progressToken");
                return handler.apply(
                    new ToolCall(exchange, new ToolArguments(request.arguments()), token));
              } catch (McpError e) {
                throw e;
              } catch (RuntimeException e) {
                // A bug or an unfinished part: the client gets one readable line, the log the rest.
                LOG.warn("tool {} failed", definition.name(), e);
                return ToolReplies.failure(
                    definition.name() + " failed inside the server: " + message(e));
              }
            })
        .build();
  }

  private static String message(RuntimeException e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }
}
