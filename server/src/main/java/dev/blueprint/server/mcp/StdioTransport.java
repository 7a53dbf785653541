package dev.blueprint.server.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCNotification;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The MCP session over stdin and stdout, in place of the SDK's stdio transport. Its one reader
 * thread runs the {@link StdioGate} and hands each message it lets through straight to the session,
 * and a reply is written to stdout by the thread that produced it. The SDK's transport passes every
 * message through three threads (a reader, the session's, a writer); each hand-over waits for the
 * scheduler, which on a busy machine cost more than the work of a cached validate call. Handlers
 * that block (every tool) still run on the SDK's worker threads, so a tool waiting for the client
 * (sampling) never holds up the reader that will bring the client's answer.
 */
public final class StdioTransport implements McpServerTransportProvider {
  private static final Logger LOG = LoggerFactory.getLogger(StdioTransport.class);

  /** Finds a tool's result without running it: empty when it would have to run. */
  @FunctionalInterface
  public interface CachedAnswers {
    Optional<CallToolResult> find(String tool, Map<String, Object> arguments);
  }

  /** Larger arguments are not looked up on the reader thread (comparing them would hold it up). */
  private static final int FAST_PATH_MAX_LINE = 1 << 20;

  private final McpJsonMapper json;
  private final StdioGate gate;
  private final CachedAnswers cached;
  private volatile McpServerSession session;
  private volatile boolean initialized;

  /**
   * The last few results written from the cache and their bytes, found by identity (a record's own
   * equals would compare the whole content). Only the reader thread uses them.
   */
  private final CallToolResult[] written = new CallToolResult[16];

  private final byte[][] writtenBytes = new byte[16][];
  private int nextSlot;

  /**
   * @param stdout the protocol stream; nothing else may write to it
   * @param drainMillis at the end of input, how long to wait for replies still being worked on
   */
  public StdioTransport(
      McpJsonMapper json,
      InputStream stdin,
      OutputStream stdout,
      JsonRpcCheck check,
      long drainMillis,
      CachedAnswers cached) {
    this.json = json;
    this.cached = cached;
    this.gate = new StdioGate(stdin, stdout, check, drainMillis, this::receive);
  }

  /**
   * Reads stdin to its end, serving each message as it comes, then waits (up to the drain time) for
   * the replies still owed. Call once the server is built on this transport.
   */
  public void serveUntilEndOfInput() {
    gate.run();
  }

  @Override
  public void setSessionFactory(McpServerSession.Factory factory) {
    this.session = factory.create(new SessionTransport());
  }

  @Override
  public Mono<Void> notifyClients(String method, Object params) {
    McpServerSession s = session;
    return s == null || early(method) ? Mono.empty() : s.sendNotification(method, params);
  }

  /**
   * A notification other than a log message before the client said it is initialized: dropped, as
   * the client has not yet finished negotiating what it accepts. Nothing is lost: a client lists
   * resources after initializing, and subscriptions only start then (a journal written by the
   * start-up sweep used to announce {@code list_changed} first).
   */
  private boolean early(String method) {
    if (initialized || McpSchema.METHOD_NOTIFICATION_MESSAGE.equals(method)) {
      return false;
    }
    LOG.debug("{} before the client was initialized: dropped", method);
    return true;
  }

  /** As the SDK's stdio transport: the one session, by its id. */
  @Override
  public Mono<Void> notifyClient(String sessionId, String method, Object params) {
    return Mono.defer(
        () -> {
          McpServerSession s = session;
          if (s == null) {
            return Mono.error(new IllegalStateException("No session to notify"));
          }
          if (!s.getId().equals(sessionId)) {
            return Mono.error(
                new IllegalStateException(
                    "Session " + sessionId + " not found; this transport serves " + s.getId()));
          }
          return early(method) ? Mono.<Void>empty() : s.sendNotification(method, params);
        });
  }

  @Override
  public Mono<Void> closeGracefully() {
    McpServerSession s = session;
    return s == null ? Mono.empty() : s.closeGracefully();
  }

  private void receive(byte[] line) {
    McpServerSession s = session;
    if (s == null) {
      LOG.warn("message before the server was built; dropped");
      return;
    }
    JSONRPCMessage message;
    try {
      message = McpSchema.deserializeJsonRpcMessage(json, new String(line, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      // The gate already checked the shape; reaching here is a bug, not the client's fault.
      LOG.warn("message passed the gate but the SDK could not read it: {}", e.getMessage());
      return;
    }
    if (answeredFromCache(message, line.length)) {
      return;
    }
    if (message instanceof JSONRPCNotification n && INITIALIZED.equals(n.method())) {
      initialized = true;
    }
    try {
      s.handle(message).subscribe(null, e -> LOG.warn("handling a {} failed", kind(message), e));
    } catch (RuntimeException e) {
      // The reader must outlive any one message.
      LOG.warn("handling a {} failed", kind(message), e);
    }
  }

  private static final String INITIALIZED = "notifications/initialized";

  /** Answers a repeated validate or plan call on this thread; false when the session must. */
  private boolean answeredFromCache(JSONRPCMessage message, int size) {
    if (!initialized
        || size > FAST_PATH_MAX_LINE
        || !(message instanceof JSONRPCRequest request)
        || !McpSchema.METHOD_TOOLS_CALL.equals(request.method())
        || !(request.params() instanceof Map<?, ?> params)
        || !(params.get("name") instanceof String tool)
        || params.get("_meta") != null) {
      return false;
    }
    Object arguments = params.get("arguments");
    if (arguments != null && !(arguments instanceof Map<?, ?>)) {
      return false;
    }
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> args = arguments == null ? Map.of() : (Map<String, Object>) arguments;
      Optional<CallToolResult> result = cached.find(tool, args);
      if (result.isEmpty()) {
        return false;
      }
      writeResult(request.id(), result.get());
      return true;
    } catch (IOException | RuntimeException e) {
      LOG.debug("cache look-up failed, the session answers: {}", e.getMessage());
      return false;
    }
  }

  /**
   * Writes the reply to a request; a result written before is not serialized again (the cache hands
   * out the same result object on every hit). The bytes are what the SDK writes for a {@link
   * JSONRPCResponse}: jsonrpc, id, result, in that order (a test compares them).
   */
  private void writeResult(Object id, CallToolResult result) throws IOException {
    byte[] body = null;
    for (int i = 0; i < written.length && body == null; i++) {
      if (written[i] == result) {
        body = writtenBytes[i];
      }
    }
    if (body == null) {
      body = json.writeValueAsBytes(result);
      written[nextSlot] = result;
      writtenBytes[nextSlot] = body;
      nextSlot = (nextSlot + 1) % written.length;
    }
    byte[] head =
        ("{\"jsonrpc\":\"2.0\",\"id\":" + json.writeValueAsString(id) + ",\"result\":")
            .getBytes(StandardCharsets.UTF_8);
    OutputStream out = gate.output();
    synchronized (out) {
      out.write(head);
      out.write(body);
      out.write('}');
      out.write('\n');
      out.flush();
    }
  }

  private void write(JSONRPCMessage message) {
    try {
      byte[] bytes = json.writeValueAsBytes(message);
      OutputStream out = gate.output();
      synchronized (out) {
        out.write(bytes);
        out.write('\n');
        out.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to stdout", e);
    }
  }

  private static String kind(JSONRPCMessage message) {
    return message.getClass().getSimpleName();
  }

  /** The session's side: replies and notifications go out on the calling thread. */
  private final class SessionTransport implements McpServerTransport {
    @Override
    public Mono<Void> sendMessage(JSONRPCMessage message) {
      return Mono.fromRunnable(() -> write(message));
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> type) {
      return json.convertValue(data, type);
    }

    @Override
    public Mono<Void> closeGracefully() {
      return Mono.empty();
    }

    @Override
    public void close() {}
  }
}
