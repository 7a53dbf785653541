package dev.blueprint.tools.status;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a run stands. A run is SUCCEEDED only if every scheduled task landed. */
public enum RunState {
  RUNNING,
  SUCCEEDED,
  FAILED,
  ABORTED;

  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static RunState fromWire(String text) {
    return valueOf(text.toUpperCase(Locale.ROOT));
  }

  public boolean isFinal() {
    return this != RUNNING;
  }
}
