package dev.blueprint.tools.dispatch.secrets;

import dev.blueprint.tools.blueprint.SecretResolution;
import dev.blueprint.tools.blueprint.SecretSource;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Run in a child JVM with {@code -verbose:class} by {@link
 * SsmSecretSourceAgainstFakeSsmEndpointIT}: resolves one secret with an env source before an
 * aws_ssm source and prints which outcome it got, so the test can see whether any AWS SDK class was
 * loaded.
 *
 * <p>Arguments: the fake endpoint's URL, and the secret's name.
 */
public final class SecretsColdStartProbe {
  private SecretsColdStartProbe() {}

  public static void main(String[] args) {
    SecretResolution config =
        new SecretResolution(
            "abort",
            List.of(
                new SecretSource("env", "APP_", null, null, 1),
                new SecretSource("aws_ssm", "/app/", null, args[0], 2)));
    SecretResolver resolver =
        SecretResolver.of(
            config,
            Map.of("APP_IN_ENV", "env value", "AWS_REGION", "eu-west-1"),
            Path.of("."),
            Clock.systemUTC());
    SecretOutcome out = resolver.resolve("${secrets." + args[1] + "}", "T1");
    System.out.println("outcome=" + out.getClass().getSimpleName());
  }
}
