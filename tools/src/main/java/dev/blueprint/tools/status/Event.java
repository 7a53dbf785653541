package dev.blueprint.tools.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;

/**
 * One record of the event log, with the BSF record fields.
 *
 * @param seq the store's order of the event within all runs (0 before it is stored)
 * @param runId the run (not a BSF field; {@code blueprintId} names the blueprint)
 * @param taskId null for run-level and lock events without a task
 * @param executorId the worker or process that caused the event, or null
 * @param phase null when the event is not tied to a phase
 * @param data free structured detail (attempt number, lock name, error object)
 */
public record Event(
    long seq,
    String runId,
    EventName event,
    Instant timestamp,
    Level level,
    String blueprintId,
    String taskId,
    String executorId,
    Phase phase,
    String message,
    JsonNode data) {

  public Event {
    data = data == null ? JsonNodeFactory.instance.objectNode() : data;
  }

  /** A new event (not yet stored) with the given fields. */
  public static Event of(
      String runId,
      EventName event,
      Instant timestamp,
      Level level,
      String taskId,
      Phase phase,
      String message,
      JsonNode data) {
    return new Event(0, runId, event, timestamp, level, null, taskId, null, phase, message, data);
  }

  /**
   * This event as stored: its sequence number, and blueprint and executor ids filled in if unset.
   */
  public Event stored(long newSeq, String newBlueprintId, String newExecutorId) {
    return new Event(
        newSeq,
        runId,
        event,
        timestamp,
        level,
        blueprintId == null ? newBlueprintId : blueprintId,
        taskId,
        executorId == null ? newExecutorId : executorId,
        phase,
        message,
        data);
  }
}
