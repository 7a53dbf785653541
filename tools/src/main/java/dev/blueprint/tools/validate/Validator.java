package dev.blueprint.tools.validate;

import dev.blueprint.tools.blueprint.Blueprint;

/**
 * Runs every rule of BSF over a blueprint and returns all findings at once, so an agent can fix a
 * whole blueprint in one pass. Pure: no I/O.
 */
public final class Validator {
  private Validator() {}

  public static ValidationReport validate(Blueprint blueprint) {
    throw new UnsupportedOperationException("validator not built yet");
  }
}
