package dev.blueprint.server.mcp;

import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.Map;

/**
 * The three ways a tool answers: a result, a result marked as an error (the tool ran and found a
 * problem, told in readable text), or a JSON-RPC error for a call that was malformed. Never a stack
 * trace.
 */
final class ToolReplies {
  private ToolReplies() {}

  static CallToolResult ok(Map<String, Object> structured, String text) {
    return CallToolResult.builder()
        .structuredContent(structured)
        .addTextContent(text)
        .isError(false)
        .build();
  }

  /** The tool ran and found a problem; the structured content still follows the output schema. */
  static CallToolResult problem(Map<String, Object> structured, String text) {
    return CallToolResult.builder()
        .structuredContent(structured)
        .addTextContent(text)
        .isError(true)
        .build();
  }

  /** The tool could not do its work (a file missing, a path refused): readable text only. */
  static CallToolResult failure(String text) {
    return CallToolResult.builder().addTextContent(text).isError(true).build();
  }

  /** A call the tool cannot even start on: a JSON-RPC "invalid params" error. */
  static McpError invalidParams(String message) {
    return McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message(message).build();
  }
}
