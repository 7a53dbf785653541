package dev.blueprint.tools.status;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where a task stands within one run. Distinct from the blueprint's own status field: the run store
 * owns run state, the blueprint is not written back.
 */
public enum TaskState {
  PENDING,
  WAITING_HUMAN,
  RUNNING,
  SUCCEEDED,
  LANDED,
  FAILED,
  SKIPPED,
  BLOCKED,
  TIMED_OUT,
  CONFLICTED;

  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static TaskState fromWire(String text) {
    return valueOf(text.toUpperCase(Locale.ROOT));
  }

  /** Whether the task will not change again in this run (landed, or given up on). */
  public boolean isFinal() {
    return switch (this) {
      case LANDED, FAILED, SKIPPED, BLOCKED, TIMED_OUT, CONFLICTED -> true;
      case PENDING, WAITING_HUMAN, RUNNING, SUCCEEDED -> false;
    };
  }
}
