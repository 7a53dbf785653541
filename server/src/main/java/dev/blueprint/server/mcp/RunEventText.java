package dev.blueprint.server.mcp;

import dev.blueprint.tools.status.Event;
import io.modelcontextprotocol.spec.McpSchema.LoggingLevel;

/**
 * One run event as a line for a client ({@code notifications/message}, progress messages): what
 * happened, in few words, and how loud. Failed tasks are errors, tasks given up on without running
 * (skipped, blocked) and retries are warnings, lock traffic is debug.
 */
record RunEventText(LoggingLevel level, String text) {

  static RunEventText of(Event e) {
    String task = e.taskId();
    String state = e.data().path("state").asText("");
    String message = e.message() == null || e.message().isBlank() ? "" : ": " + e.message();
    return switch (e.event()) {
      case BLUEPRINT_START -> info("run " + e.runId() + " started");
      case BLUEPRINT_COMPLETE -> info("run " + e.runId() + " succeeded");
      case BLUEPRINT_FAILED ->
          new RunEventText(
              LoggingLevel.ERROR,
              "run " + e.runId() + " " + (state.isEmpty() ? "failed" : state) + message);
      case TASK_START ->
          info(
              task
                  + " started (attempt "
                  + e.data().path("attempt").asInt(1)
                  + (e.data().hasNonNull("agent") ? ", " + e.data().path("agent").asText() : "")
                  + ")");
      case TASK_COMPLETE -> info(task + " " + (state.isEmpty() ? "succeeded" : state));
      case TASK_FAILED ->
          new RunEventText(
              state.equals("skipped") || state.equals("blocked")
                  ? LoggingLevel.WARNING
                  : LoggingLevel.ERROR,
              task + " " + (state.isEmpty() ? "failed" : state) + message);
      case TASK_RETRY ->
          new RunEventText(
              LoggingLevel.WARNING,
              task
                  + " attempt "
                  + e.data().path("attempt").asInt()
                  + " failed, retrying"
                  + message);
      case TASK_CHECKPOINT ->
          task == null
              ? new RunEventText(LoggingLevel.DEBUG, "run " + e.runId() + message)
              : info(
                  state.equals("waiting_human")
                      ? task + " waits for approval (bp approve " + e.runId() + " " + task + ")"
                      : task + " checkpoint" + message);
      case TASK_RESUME -> info(task + " resumed" + message);
      case LOCK_ACQUIRED, LOCK_RELEASED ->
          new RunEventText(
              LoggingLevel.DEBUG, (task == null ? "" : task + " ") + e.event().wire() + message);
    };
  }

  private static RunEventText info(String text) {
    return new RunEventText(LoggingLevel.INFO, text);
  }
}
