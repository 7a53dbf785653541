package dev.blueprint.server.cli;

import dev.blueprint.server.http.AccessToken;
import dev.blueprint.server.http.HttpAddress;
import dev.blueprint.server.http.McpHttpServer;
import dev.blueprint.server.mcp.BlueprintServer;
import dev.blueprint.server.mcp.JsonRpcCheck;
import dev.blueprint.server.mcp.StdioTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpSyncServer;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bp serve}: the MCP server over stdio (default) or HTTP ({@code --http [HOST:]PORT}:
 * Streamable HTTP at /mcp, SSE at /sse).
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the blueprint MCP tools over stdio, or over HTTP with --http.",
      "Under stdio, stdout carries only JSON-RPC; logs go to stderr."
    })
public final class ServeCommand implements Callable<Integer> {
  static final int DEFAULT_MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

  /** At the end of stdin, how long requests still being worked on may take to be answered. */
  static final long STDIO_DRAIN_MILLIS = 30_000;

  @Option(
      names = "--http",
      paramLabel = "[HOST:]PORT",
      description =
          "Serve Streamable HTTP (/mcp) and SSE (/sse) instead of stdio. Host 127.0.0.1"
              + " unless given.")
  String http;

  @Option(
      names = "--no-auth",
      description = "HTTP without a bearer token; refused unless the host is loopback.")
  boolean noAuth;

  @Option(
      names = "--allow-origin",
      paramLabel = "ORIGIN",
      description = "Also accept requests from this browser origin (repeatable).")
  List<String> extraOrigins = new ArrayList<>();

  @Option(
      names = {"-C", "--repo"},
      paramLabel = "DIR",
      description = "Repository to serve (default: the git repository around the current folder).")
  Path repo;

  @Option(
      names = "--max-message-bytes",
      paramLabel = "N",
      description = "Largest JSON-RPC message accepted (default: ${DEFAULT-VALUE}).")
  int maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;

  @Option(
      names = "--no-journal-sweep",
      description =
          "Do not journal unjournaled Claude Code transcripts in the background at start.")
  boolean noJournalSweep;

  @Option(
      names = "--no-result-cache",
      description =
          "Validate and plan every call from scratch instead of answering a blueprint whose"
              + " content was seen before from memory (also BP_RESULT_CACHE=0).")
  boolean noResultCache;

  @Override
  public Integer call() throws Exception {
    Path root = repository();
    BlueprintServer server = new BlueprintServer(root, resultCache());
    if (!noJournalSweep) {
      // Issue 6: the sweep runs on demand and at server start, never in the way of the protocol.
      new StartupSweep(server.repository(), JournalSweepCommand.defaultProjects(), System.err)
          .start();
    }
    return http == null ? serveStdio(server) : serveHttp(server);
  }

  private boolean resultCache() {
    return !noResultCache && !"0".equals(System.getenv("BP_RESULT_CACHE"));
  }

  private int serveStdio(BlueprintServer server) {
    // stdout belongs to the protocol: anything else printed by mistake goes to stderr.
    OutputStream protocol = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out));
    System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
    StdioTransport transport =
        new StdioTransport(
            McpJsonDefaults.getMapper(),
            new FileInputStream(FileDescriptor.in),
            protocol,
            new JsonRpcCheck(McpJsonDefaults.getMapper(), maxMessageBytes),
            STDIO_DRAIN_MILLIS,
            server::cachedAnswer);
    McpSyncServer mcp = server.start(transport);
    transport.serveUntilEndOfInput();
    mcp.closeGracefully();
    return ExitCodes.OK;
  }

  private int serveHttp(BlueprintServer server) throws Exception {
    HttpAddress address;
    try {
      address = HttpAddress.parse(http);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--http: " + e.getMessage());
    }
    AccessToken token = null;
    if (noAuth) {
      if (!address.isLoopback()) {
        throw new UsageException("--no-auth is allowed only on a loopback host, not " + http);
      }
    } else {
      token = token(server.repository());
    }
    McpHttpServer running;
    try {
      running = McpHttpServer.start(server, address, token, extraOrigins, maxMessageBytes);
    } catch (IOException e) {
      throw new UsageException("cannot listen on " + http + ": " + e.getMessage(), e);
    }
    String base = "http://" + address.urlHost() + ":" + running.port();
    System.err.println(
        "bp: serving "
            + server.repository()
            + " at "
            + base
            + McpHttpServer.MCP_PATH
            + " (Streamable HTTP) and "
            + base
            + McpHttpServer.SSE_PATH
            + " (SSE)"
            + (token == null ? ", authentication off" : ""));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(running), "bp-http-stop"));
    running.join();
    return ExitCodes.OK;
  }

  private static AccessToken token(Path repository) {
    try {
      AccessToken token = AccessToken.forRepository(repository, System.getenv(AccessToken.ENV));
      switch (token.origin()) {
        case "generated" ->
            System.err.println(
                "bp: bearer token (stored in " + token.file() + "): " + token.value());
        case "file" -> System.err.println("bp: bearer token read from " + token.file());
        default -> System.err.println("bp: bearer token from " + AccessToken.ENV);
      }
      return token;
    } catch (IOException e) {
      throw new UsageException("cannot store the HTTP token under .blueprint/: " + e.getMessage());
    }
  }

  private static void stop(McpHttpServer running) {
    try {
      running.close();
    } catch (Exception e) {
      // Shutting down anyway.
    }
  }

  private Path repository() {
    Path start = (repo != null ? repo : Path.of("")).toAbsolutePath().normalize();
    if (!Files.isDirectory(start)) {
      throw new UsageException("--repo: not a folder: " + start);
    }
    if (repo != null) {
      return start;
    }
    for (Path p = start; p != null; p = p.getParent()) {
      if (Files.exists(p.resolve(".git"))) {
        return p;
      }
    }
    return start;
  }
}
