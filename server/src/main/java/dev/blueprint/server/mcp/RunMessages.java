package dev.blueprint.server.mcp;

import dev.blueprint.tools.status.Event;
import dev.blueprint.tools.status.EventName;
import io.modelcontextprotocol.spec.McpLoggableSession;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.LoggingMessageNotification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the session that started a run what the run does, as {@code notifications/message} (logger
 * {@value #LOGGER}) after {@code dispatch} has returned: progress notifications end with the call,
 * these do not. The session's level ({@code logging/setLevel}; the SDK starts every session at
 * info) decides which lines it gets.
 */
final class RunMessages implements RunWatcher.Listener {
  private static final Logger LOG = LoggerFactory.getLogger(RunMessages.class);
  static final String LOGGER = "bp.run";
  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(5);

  private final SessionDirectory sessions;
  private final Map<String, Set<String>> followers = new ConcurrentHashMap<>();

  RunMessages(SessionDirectory sessions) {
    this.sessions = sessions;
  }

  /** Sends the run's events from now on to this session, until the run ends. */
  void follow(String runId, String sessionId) {
    if (sessionId != null) {
      followers.computeIfAbsent(runId, r -> ConcurrentHashMap.newKeySet()).add(sessionId);
    }
  }

  @Override
  public void events(String runId, List<Event> events) {
    Set<String> ids = followers.get(runId);
    if (ids == null) {
      return;
    }
    for (String id : ids) {
      Optional<McpLoggableSession> session = sessions.find(id);
      if (session.isEmpty()) {
        ids.remove(id);
        continue;
      }
      for (Event e : events) {
        send(session.get(), RunEventText.of(e));
      }
    }
    if (events.stream().anyMatch(RunMessages::ends)) {
      followers.remove(runId);
    }
  }

  static boolean ends(Event e) {
    return e.event() == EventName.BLUEPRINT_COMPLETE || e.event() == EventName.BLUEPRINT_FAILED;
  }

  private static void send(McpLoggableSession session, RunEventText line) {
    if (!session.isNotificationForLevelAllowed(line.level())) {
      return;
    }
    try {
      session
          .sendNotification(
              McpSchema.METHOD_NOTIFICATION_MESSAGE,
              new LoggingMessageNotification(line.level(), LOGGER, line.text()))
          .block(SEND_TIMEOUT);
    } catch (RuntimeException e) {
      // A client that went away must not stop the others from hearing about the run.
      LOG.debug("run message not delivered: {}", e.toString());
    }
  }
}
