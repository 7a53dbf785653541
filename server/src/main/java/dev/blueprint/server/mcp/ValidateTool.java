package dev.blueprint.server.mcp;

import dev.blueprint.tools.validate.ValidationReport;
import dev.blueprint.tools.validate.Validator;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.Optional;

/** The {@code validate} tool: every diagnostic of a blueprint given by path or as text. */
final class ValidateTool {
  static final String NAME = "validate";

  private final BlueprintSource source;
  private final ResultCache cache;

  ValidateTool(BlueprintSource source, ResultCache cache) {
    this.source = source;
    this.cache = cache;
  }

  static Tool definition() {
    return Tool.builder()
        .name(NAME)
        .title("Validate blueprint")
        .description(
            "Check a blueprint (task plan in BSF) and list every error and warning with line and"
                + " task. Use after writing or editing one, before plan. Give path or text.")
        .inputSchema(ToolSchemas.load("validate.input"))
        .outputSchema(ToolSchemas.load("validate.output"))
        .build();
  }

  CallToolResult call(ToolArguments args) {
    args.requireExactlyOne("path", "text");
    BlueprintSource.Loaded loaded = source.load(args.string("path"), args.string("text"));
    if (loaded instanceof BlueprintSource.Refused refused) {
      return ToolReplies.failure(refused.message());
    }
    BlueprintSource.Read read = (BlueprintSource.Read) loaded;
    return cache.get(key(read), () -> reply(Validator.validate(source.parse(read))));
  }

  /**
   * The result already held for this call, found without parsing anything; empty when there is none
   * or the call is not one the cache answers (then {@link #call} gives the answer or error).
   */
  Optional<CallToolResult> cached(ToolArguments args) {
    try {
      args.requireExactlyOne("path", "text");
    } catch (McpError e) {
      return Optional.empty();
    }
    return source.load(args.string("path"), args.string("text"))
            instanceof BlueprintSource.Read read
        ? cache.peek(key(read))
        : Optional.empty();
  }

  private static ResultCache.Key key(BlueprintSource.Read read) {
    return new ResultCache.Key(NAME, "", read.sourceName(), read.text());
  }

  private static CallToolResult reply(ValidationReport report) {
    var json = ValidationView.json(report);
    var text = ValidationView.text(report);
    return report.valid() ? ToolReplies.ok(json, text) : ToolReplies.problem(json, text);
  }
}
