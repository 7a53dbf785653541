package dev.blueprint.server.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The TypeScript SDK client spawns {@code bp serve} and talks to it over stdio. */
class StdioClientIT extends McpClientContract {
  @Override
  JsonNode session(Path repo, Map<String, Object> plan) throws Exception {
    List<String> transport = new ArrayList<>(List.of("--stdio"));
    transport.addAll(ServerProcess.command("serve", "--repo", repo.toString()));
    return NodeClient.run(work, plan, Map.of(), transport);
  }
}
