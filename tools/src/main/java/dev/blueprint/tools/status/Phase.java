package dev.blueprint.tools.status;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The phase of a task's life in which an event or an error happened (BSF names). */
public enum Phase {
  PREFLIGHT,
  SETUP,
  EXECUTION,
  VERIFICATION,
  CLEANUP;

  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Phase fromWire(String text) {
    return text == null ? null : valueOf(text.toUpperCase(Locale.ROOT));
  }
}
