package dev.blueprint.server.mcp;

import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One tool call as a handler sees it: its arguments, the client session (for sampling), and the
 * progress token the client sent, if any, so long work can report how far it got.
 */
record ToolCall(McpSyncServerExchange exchange, ToolArguments args, Object progressToken) {
  private static final Logger LOG = LoggerFactory.getLogger(ToolCall.class);

  /** Tells the client how far the call got; nothing when it asked for no progress. */
  void progress(double done, double total, String message) {
    if (progressToken == null) {
      return;
    }
    try {
      exchange.progressNotification(new ProgressNotification(progressToken, done, total, message));
    } catch (RuntimeException e) {
      // Progress is a courtesy: a client that went away must not fail the work.
      LOG.debug("progress notification failed: {}", e.getMessage());
    }
  }
}
