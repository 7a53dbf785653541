package dev.blueprint.server.mcp;

import io.modelcontextprotocol.spec.McpLoggableSession;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.McpServerTransportProviderBase;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/**
 * The live client sessions of this server by id, so a run can keep talking to the session that
 * started it after the {@code dispatch} call has returned.
 *
 * <p>Why not keep the call's exchange: over Streamable HTTP a request's exchange writes to that
 * request's response stream, which closes with the response; the session itself writes to the
 * client's standing GET stream. The SDK hands sessions only to its transport providers, so this
 * class wraps them and notes each session its factory makes. Sessions are held weakly: the provider
 * owns them and drops them when they end.
 */
final class SessionDirectory {
  private final Map<String, WeakReference<McpLoggableSession>> sessions = new ConcurrentHashMap<>();

  /** The session with this id, while it lives. */
  Optional<McpLoggableSession> find(String sessionId) {
    WeakReference<McpLoggableSession> ref = sessionId == null ? null : sessions.get(sessionId);
    return Optional.ofNullable(ref == null ? null : ref.get());
  }

  private void note(String id, McpLoggableSession session) {
    sessions.values().removeIf(r -> r.get() == null);
    sessions.put(id, new WeakReference<>(session));
  }

  /** A provider that behaves as {@code p} and notes its sessions; {@code onClose} runs at close. */
  McpServerTransportProvider capture(McpServerTransportProvider p, Runnable onClose) {
    final class Captured extends Delegating implements McpServerTransportProvider {
      Captured() {
        super(p, onClose);
      }

      @Override
      public void setSessionFactory(McpServerSession.Factory factory) {
        p.setSessionFactory(
            transport -> {
              McpServerSession s = factory.create(transport);
              note(s.getId(), s);
              return s;
            });
      }
    }
    return new Captured();
  }

  /** As {@link #capture(McpServerTransportProvider, Runnable)}, for Streamable HTTP. */
  McpStreamableServerTransportProvider capture(
      McpStreamableServerTransportProvider p, Runnable onClose) {
    final class Captured extends Delegating implements McpStreamableServerTransportProvider {
      Captured() {
        super(p, onClose);
      }

      @Override
      public void setSessionFactory(McpStreamableServerSession.Factory factory) {
        p.setSessionFactory(
            request -> {
              McpStreamableServerSession.McpStreamableServerSessionInit init =
                  factory.startSession(request);
              note(init.session().getId(), init.session());
              return init;
            });
      }
    }
    return new Captured();
  }

  /** What both kinds of provider pass straight through; closing runs {@code onClose} first. */
  private abstract static class Delegating implements McpServerTransportProviderBase {
    private final McpServerTransportProviderBase p;
    private final Runnable onClose;

    Delegating(McpServerTransportProviderBase p, Runnable onClose) {
      this.p = p;
      this.onClose = onClose;
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
      return p.notifyClients(method, params);
    }

    @Override
    public Mono<Void> notifyClient(String sessionId, String method, Object params) {
      return p.notifyClient(sessionId, method, params);
    }

    @Override
    public void close() {
      onClose.run();
      p.close();
    }

    @Override
    public Mono<Void> closeGracefully() {
      onClose.run();
      return p.closeGracefully();
    }

    @Override
    public List<String> protocolVersions() {
      return p.protocolVersions();
    }
  }
}
