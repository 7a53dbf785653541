package dev.blueprint.server.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The TypeScript SDK client talks the older SSE transport to {@code bp serve --http}. */
class SseClientIT extends McpClientContract {
  static final String TOKEN = "it-token-sse";

  @Override
  JsonNode session(Path repo, Map<String, Object> plan) throws Exception {
    try (ServerProcess server =
        ServerProcess.startHttp(repo, Map.of("BP_TOKEN", TOKEN), "--http", "127.0.0.1:0")) {
      return NodeClient.run(
          work, plan, Map.of("BP_TOKEN", TOKEN), List.of("--sse", server.baseUrl() + "/sse"));
    }
  }
}
