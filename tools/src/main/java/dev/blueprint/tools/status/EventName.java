package dev.blueprint.tools.status;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** The BSF event names. */
public enum EventName {
  BLUEPRINT_START("blueprint.start"),
  BLUEPRINT_COMPLETE("blueprint.complete"),
  BLUEPRINT_FAILED("blueprint.failed"),
  TASK_START("task.start"),
  TASK_COMPLETE("task.complete"),
  TASK_FAILED("task.failed"),
  TASK_RETRY("task.retry"),
  TASK_CHECKPOINT("task.checkpoint"),
  TASK_RESUME("task.resume"),
  LOCK_ACQUIRED("lock.acquired"),
  LOCK_RELEASED("lock.released");

  private final String wire;

  EventName(String wire) {
    this.wire = wire;
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  @JsonCreator
  public static EventName fromWire(String text) {
    return Arrays.stream(values())
        .filter(e -> e.wire.equals(text))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown event name: " + text));
  }
}
