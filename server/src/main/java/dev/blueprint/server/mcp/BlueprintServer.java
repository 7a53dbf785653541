package dev.blueprint.server.mcp;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

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
  private final SessionDirectory sessions = new SessionDirectory();
  private final RunMessages messages = new RunMessages(sessions);
  private final RunWatcher watcher;
  private final ResourceCatalog catalog;
  private final Set<McpSyncServer> running = ConcurrentHashMap.newKeySet();

  public BlueprintServer(Path repository) {
    this.root = new RepositoryRoot(repository);
    BlueprintSource source = new BlueprintSource(root, MAX_FILE_BYTES);
    this.tools =
        new McpTools(
            source, new BlueprintDrafter(), new CommitTool(root, new RepositoryQueue(root.dir())));
    this.resources = new RepositoryResources(root);
    this.watcher = RunWatcher.of(root.dir());
    this.catalog = new ResourceCatalog(resources, watcher, RunTools.of(root)::runResource);
  }

  public Path repository() {
    return root.dir();
  }

  /** A server on a single-session transport (stdio, SSE). */
  public McpSyncServer start(McpServerTransportProvider transport) {
    AtomicReference<McpSyncServer> server = new AtomicReference<>();
    return started(
        server,
        configure(McpServer.sync(sessions.capture(transport, () -> stopped(server.get())))));
  }

  /** A server on Streamable HTTP. */
  public McpSyncServer start(McpStreamableServerTransportProvider transport) {
    AtomicReference<McpSyncServer> server = new AtomicReference<>();
    return started(
        server,
        configure(McpServer.sync(sessions.capture(transport, () -> stopped(server.get())))));
  }

  private McpSyncServer started(AtomicReference<McpSyncServer> ref, Built built) {
    ref.set(built.server());
    synchronized (running) {
      if (running.isEmpty()) {
        watcher.add(messages);
      }
      running.add(built.server());
    }
    catalog.attach(built.server(), built.listed());
    return built.server();
  }

  /** The transport closed: stop keeping its list, and stop watching runs with the last one. */
  private void stopped(McpSyncServer server) {
    if (server == null) {
      return;
    }
    catalog.detach(server);
    synchronized (running) {
      if (running.remove(server) && running.isEmpty()) {
        watcher.remove(messages);
      }
    }
  }

  private record Built(McpSyncServer server, List<SyncResourceSpecification> listed) {}

  private <S extends McpServer.SyncSpecification<S>> Built configure(S spec) {
    // the runs already there are in the first list, so nothing changes before a client is in
    watcher.look();
    List<SyncResourceSpecification> listed = catalog.current();
    McpSyncServer server =
        spec.serverInfo("blueprint", Version.current())
            .instructions(INSTRUCTIONS)
            .capabilities(
                ServerCapabilities.builder()
                    .tools(false)
                    // subscribe: runs change as they go; listChanged: runs and journals appear
                    .resources(true, true)
                    .prompts(false)
                    .logging()
                    .build())
            .requestTimeout(CLIENT_REQUEST_TIMEOUT)
            // The SDK would answer a schema mismatch as a tool result; blueprint treats a malformed
            // call as a protocol error (-32602) and checks arguments itself (ToolArguments).
            .validateToolInputs(false)
            .uriTemplateManagerFactory(new PathUriTemplates())
            .tools(RunTools.plus(tools.all(), root, messages))
            .resources(listed)
            .resourceTemplates(RunTools.plusTemplates(resources.templates(), root))
            .prompts(DraftPrompt.specification(BlueprintDrafter.instructions()))
            .build();
    return new Built(server, listed);
  }
}
