package dev.blueprint.tools.dispatch.secrets;

import java.util.Map;
import java.util.Optional;

/** Secrets from environment variables, named {@code <prefix><NAME>}. */
public final class EnvSecrets implements SecretLookup {
  private final Map<String, String> env;
  private final String prefix;

  /**
   * @param env the environment to read (the process's own, or one given by a test)
   */
  public EnvSecrets(Map<String, String> env, String prefix) {
    this.env = Map.copyOf(env);
    this.prefix = prefix == null ? "" : prefix;
  }

  @Override
  public Optional<String> find(String name) {
    return Optional.ofNullable(env.get(prefix + name));
  }

  @Override
  public String describe() {
    return "env(prefix=" + prefix + ")";
  }
}
