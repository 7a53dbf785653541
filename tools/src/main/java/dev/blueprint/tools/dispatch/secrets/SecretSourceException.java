package dev.blueprint.tools.dispatch.secrets;

/**
 * A secret source could not be asked (credentials refused, network down, no permission): not the
 * same as a missing secret, so {@code on_missing} does not apply. The message names the secret and
 * the source, never a value.
 */
public final class SecretSourceException extends RuntimeException {
  public SecretSourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
