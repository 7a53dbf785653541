package dev.blueprint.tools.dispatch.secrets;

import java.util.Optional;

/**
 * A declared source bp cannot read ({@code vault}, or a type it does not know). It has no secrets;
 * it is kept in the list so a missing secret's error says the source was declared and passed over.
 */
public final class UnsupportedSecrets implements SecretLookup {
  private final String type;
  private final String where;

  /**
   * @param where the source's address or path, or null
   */
  public UnsupportedSecrets(String type, String where) {
    this.type = type;
    this.where = where;
  }

  @Override
  public Optional<String> find(String name) {
    return Optional.empty();
  }

  @Override
  public String describe() {
    return type + (where == null ? "" : "(" + where + ")") + ": not supported by bp, passed over";
  }
}
