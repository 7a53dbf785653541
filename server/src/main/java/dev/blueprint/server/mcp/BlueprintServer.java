package dev.blueprint.server.mcp;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One blueprint MCP server for one repository: its tools and resources, ready to be put on any
 * transport (stdio, Streamable HTTP, SSE). Each transport gets its own SDK server over the same
 * tools.
 */
public final class BlueprintServer {
  /** Largest blueprint file the tools read. */
  public static final long MAX_FILE_BYTES = 8L * 1024 * 1024;

  /** How long the server waits for a client's answer (sampling asks a model: minutes). */
  private static final Duration CLIENT_REQUEST_TIMEOUT = Duration.ofMinutes(10);

  private static final String INSTRUCTIONS =
      "blueprint plans multi-agent coding work from blueprints (BSF task files) in this"
          + " repository. validate checks a blueprint; plan orders its tasks into waves;"
          + " commit lands files through the commit queue.";

  private final RepositoryRoot root;
  private final McpTools tools;
  private final RepositoryResources resources;

  public BlueprintServer(Path repository) {
    this(repository, true);
  }

  /**
   * @param resultCache whether validate and plan keep results by blueprint content ({@code bp serve
   *     --no-result-cache} turns it off)
   */
  public BlueprintServer(Path repository, boolean resultCache) {
    this.root = new RepositoryRoot(repository);
    BlueprintSource source = new BlueprintSource(root, MAX_FILE_BYTES);
    this.tools =
        new McpTools(
            source,
            new BlueprintDrafter(),
            new CommitTool(root, new RepositoryQueue(root.dir())),
            resultCache ? ResultCache.bounded() : ResultCache.off());
    this.resources = new RepositoryResources(root);
  }

  /**
   * A {@code tools/call} of validate or plan answered from the result cache, without a handler
   * (what {@link StdioTransport} uses to answer repeated calls on its reader thread); empty when
   * the answer is not held.
   */
  public Optional<CallToolResult> cachedAnswer(String tool, Map<String, Object> arguments) {
    return tools.cachedAnswer(tool, arguments);
  }

  public Path repository() {
    return root.dir();
  }

  /** A server on a single-session transport (stdio, SSE). */
  public McpSyncServer start(McpServerTransportProvider transport) {
    return configure(McpServer.sync(transport));
  }

  /** A server on Streamable HTTP. */
  public McpSyncServer start(McpStreamableServerTransportProvider transport) {
    return configure(McpServer.sync(transport));
  }

  private <S extends McpServer.SyncSpecification<S>> McpSyncServer configure(S spec) {
    return spec.serverInfo("blueprint", Version.current())
        .instructions(INSTRUCTIONS)
        .capabilities(
            ServerCapabilities.builder()
                .tools(false)
                .resources(false, false)
                .prompts(false)
                .logging()
                .build())
        .requestTimeout(CLIENT_REQUEST_TIMEOUT)
        // The SDK would answer a schema mismatch as a tool result; blueprint treats a malformed
        // call as a protocol error (-32602) and checks arguments itself (ToolArguments).
        .validateToolInputs(false)
        .uriTemplateManagerFactory(new PathUriTemplates())
        .tools(RunTools.plus(tools.all(), root))
        .resources(resources.listed())
        .resourceTemplates(RunTools.plusTemplates(resources.templates(), root))
        .prompts(DraftPrompt.specification(BlueprintDrafter.instructions()))
        .build();
  }
}
