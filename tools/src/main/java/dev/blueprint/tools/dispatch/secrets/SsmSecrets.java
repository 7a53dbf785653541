package dev.blueprint.tools.dispatch.secrets;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Secrets from AWS SSM Parameter Store: {@code ${secrets.NAME}} is the parameter {@code
 * <prefix>NAME}, read with decryption. The SDK client is made on the first lookup, so a blueprint
 * whose secrets are all found in earlier sources never loads the SDK. Each parameter is asked for
 * once per run (found or not); a failure to ask is not remembered, so a later task tries again.
 */
public final class SsmSecrets implements SecretLookup {
  private final String prefix;
  private final SsmSettings settings;
  private final Function<SsmSettings, ParameterStore> connect;
  private final Map<String, Optional<String>> known = new HashMap<>();
  private ParameterStore store;

  public SsmSecrets(String prefix, SsmSettings settings) {
    // a lambda, not a method reference: linking it must not load the SDK-facing class
    this(prefix, settings, s -> new SdkParameterStore(s));
  }

  SsmSecrets(String prefix, SsmSettings settings, Function<SsmSettings, ParameterStore> connect) {
    this.prefix = prefix == null ? "" : prefix;
    this.settings = settings;
    this.connect = connect;
  }

  @Override
  public synchronized Optional<String> find(String name) {
    Optional<String> value = known.get(name);
    if (value != null) {
      return value;
    }
    String parameter = prefix + name;
    try {
      if (store == null) {
        store = connect.apply(settings);
      }
      value = store.get(parameter);
    } catch (RuntimeException e) {
      throw new SecretSourceException(
          "cannot read secret "
              + name
              + " (parameter "
              + parameter
              + ") from "
              + describe()
              + ": "
              + reason(e),
          e);
    }
    known.put(name, value);
    return value;
  }

  /** The store's own words (error code and message), which name no parameter value. */
  private static String reason(RuntimeException e) {
    if (e instanceof ParameterStore.Failure) {
      return e.getMessage();
    }
    String type = e.getClass().getSimpleName();
    String message = e.getMessage() == null ? "" : e.getMessage().strip();
    return message.isEmpty() ? type : type + ": " + message;
  }

  @Override
  public String describe() {
    StringBuilder d = new StringBuilder("aws_ssm(prefix=").append(prefix);
    if (settings.region() != null) {
      d.append(", region=").append(settings.region());
    }
    if (settings.endpoint() != null) {
      d.append(", endpoint=").append(settings.endpoint());
    }
    return d.append(')').toString();
  }
}
