package dev.blueprint.server.http;

import dev.blueprint.server.mcp.BlueprintServer;
import dev.blueprint.server.mcp.JsonRpcCheck;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletSseServerTransportProvider;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.DispatcherType;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.ServletMapping;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The blueprint MCP server over HTTP on embedded Jetty: Streamable HTTP at {@code /mcp} and the
 * older SSE transport at {@code /sse} (messages posted to {@code /message}), behind an origin and
 * bearer-token check.
 */
public final class McpHttpServer implements AutoCloseable {
  public static final String MCP_PATH = "/mcp";
  public static final String SSE_PATH = "/sse";
  public static final String MESSAGE_PATH = "/message";

  private static final Duration KEEP_ALIVE = Duration.ofSeconds(30);
  // Above the keep-alive, so an idle SSE stream is pinged before Jetty drops it.
  private static final long IDLE_TIMEOUT_MS = Duration.ofMinutes(5).toMillis();

  private final Server jetty;
  private final McpSyncServer streamable;
  private final McpSyncServer sse;

  private McpHttpServer(Server jetty, McpSyncServer streamable, McpSyncServer sse) {
    this.jetty = jetty;
    this.streamable = streamable;
    this.sse = sse;
  }

  /**
   * Starts listening.
   *
   * @param token null to turn authentication off (callers allow that on loopback only)
   * @param maxMessageBytes larger request bodies are refused
   */
  public static McpHttpServer start(
      BlueprintServer server,
      HttpAddress address,
      AccessToken token,
      List<String> extraOrigins,
      int maxMessageBytes)
      throws Exception {
    AllowedOrigins allowed = AllowedOrigins.forAddress(address, extraOrigins);
    DefaultServerTransportSecurityValidator validator =
        DefaultServerTransportSecurityValidator.builder()
            .allowedOrigins(allowed.origins())
            .allowedHosts(allowed.hosts())
            .build();

    HttpServletStreamableServerTransportProvider streamableTransport =
        HttpServletStreamableServerTransportProvider.builder()
            .jsonMapper(McpJsonDefaults.getMapper())
            .mcpEndpoint(MCP_PATH)
            .keepAliveInterval(KEEP_ALIVE)
            .securityValidator(validator)
            .maxRequestSize(maxMessageBytes + 1024)
            .build();
    HttpServletSseServerTransportProvider sseTransport =
        HttpServletSseServerTransportProvider.builder()
            .jsonMapper(McpJsonDefaults.getMapper())
            .sseEndpoint(SSE_PATH)
            .messageEndpoint(MESSAGE_PATH)
            .keepAliveInterval(KEEP_ALIVE)
            .securityValidator(validator)
            .maxRequestSize(maxMessageBytes + 1024)
            .build();
    McpSyncServer streamableServer = server.start(streamableTransport);
    McpSyncServer sseServer = server.start(sseTransport);

    QueuedThreadPool threads = new QueuedThreadPool(64, 4);
    threads.setName("bp-http");
    threads.setDaemon(true);
    Server jetty = new Server(threads);
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost(address.host());
    connector.setPort(address.port());
    connector.setIdleTimeout(IDLE_TIMEOUT_MS);
    jetty.addConnector(connector);

    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    FilterHolder filter = new FilterHolder(new AccessFilter(allowed, token));
    filter.setAsyncSupported(true);
    context.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST));
    FilterHolder messages =
        new FilterHolder(
            new MessageFilter(new JsonRpcCheck(McpJsonDefaults.getMapper(), maxMessageBytes)));
    messages.setAsyncSupported(true);
    context.addFilter(messages, "/*", EnumSet.of(DispatcherType.REQUEST));

    ServletHolder mcp = new ServletHolder("mcp", streamableTransport);
    mcp.setAsyncSupported(true);
    context.addServlet(mcp, MCP_PATH);
    ServletHolder legacy = new ServletHolder("sse", sseTransport);
    legacy.setAsyncSupported(true);
    context.getServletHandler().addServlet(legacy);
    ServletMapping legacyPaths = new ServletMapping();
    legacyPaths.setServletName("sse");
    legacyPaths.setPathSpecs(new String[] {SSE_PATH, MESSAGE_PATH});
    context.getServletHandler().addServletMapping(legacyPaths);

    jetty.setHandler(context);
    jetty.setStopAtShutdown(false);
    jetty.start();
    return new McpHttpServer(jetty, streamableServer, sseServer);
  }

  /** The port actually bound (useful when started on port 0). */
  public int port() {
    return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
  }

  public InetSocketAddress boundAddress() {
    ServerConnector c = (ServerConnector) jetty.getConnectors()[0];
    return new InetSocketAddress(c.getHost(), c.getLocalPort());
  }

  /** Blocks until the server stops. */
  public void join() throws InterruptedException {
    jetty.join();
  }

  @Override
  public void close() throws Exception {
    streamable.closeGracefully();
    sse.closeGracefully();
    jetty.stop();
  }
}
