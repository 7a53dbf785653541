package dev.blueprint.tools.dispatch.secrets;

import java.util.Optional;

/** A store of named, possibly encrypted, parameters (AWS SSM Parameter Store). */
interface ParameterStore {
  /**
   * The parameter's decrypted value, or empty when there is no such parameter.
   *
   * @throws Failure when the store cannot be asked (credentials, network, permission)
   */
  Optional<String> get(String name);

  /** The store could not be asked; the message says why in the store's own terms. */
  final class Failure extends RuntimeException {
    Failure(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
