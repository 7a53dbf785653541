package dev.blueprint.tools.status;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The level of an event record. */
public enum Level {
  DEBUG,
  INFO,
  WARN,
  ERROR;

  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Level fromWire(String text) {
    return valueOf(text.toUpperCase(Locale.ROOT));
  }
}
