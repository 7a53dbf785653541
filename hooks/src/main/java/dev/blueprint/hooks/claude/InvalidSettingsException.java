package dev.blueprint.hooks.claude;

import java.io.IOException;
import java.nio.file.Path;

/** A settings file that is not a JSON object: blueprint will not rewrite what it cannot read. */
public final class InvalidSettingsException extends IOException {
  private static final long serialVersionUID = 1L;

  public InvalidSettingsException(Path file, String why) {
    super(file + ": " + why + "; fix or move it, then install again");
  }
}
