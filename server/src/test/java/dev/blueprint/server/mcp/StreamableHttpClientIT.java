package dev.blueprint.server.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The TypeScript SDK client talks Streamable HTTP to {@code bp serve --http}, with a token. */
class StreamableHttpClientIT extends McpClientContract {
  static final String TOKEN = "it-token-streamable";

  @Override
  JsonNode session(Path repo, Map<String, Object> plan) throws Exception {
    try (ServerProcess server =
        ServerProcess.startHttp(repo, Map.of("BP_TOKEN", TOKEN), "--http", "127.0.0.1:0")) {
      return NodeClient.run(
          work, plan, Map.of("BP_TOKEN", TOKEN), List.of("--http", server.baseUrl() + "/mcp"));
    }
  }
}
