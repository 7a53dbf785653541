package dev.blueprint.tools.dispatch.secrets;

import java.util.Optional;

/** One place secrets can come from, asked in the order the blueprint declares. */
public interface SecretLookup {
  /**
   * The secret's value, or empty when this source does not have it.
   *
   * @throws SecretSourceException when the source cannot be asked; its message names the secret and
   *     the source, never a value
   */
  Optional<String> find(String name);

  /** Names the source in messages ({@code env(prefix=APP_)}, {@code file(.env)}). */
  String describe();
}
