package dev.blueprint.tools.dispatch.secrets;

import java.util.Map;

/**
 * Where the {@code aws_ssm} source connects: from the blueprint's source entry first, else the
 * standard AWS environment variables; null leaves it to the SDK's own default chain (profile files,
 * instance metadata).
 *
 * @param region the AWS region, or null
 * @param endpoint the endpoint URL, or null for the region's public endpoint
 */
public record SsmSettings(String region, String endpoint) {

  /**
   * @param region the source entry's {@code region}, or null
   * @param endpoint the source entry's {@code endpoint} (or {@code address}), or null
   * @param env the environment: {@code AWS_REGION}, {@code AWS_DEFAULT_REGION}, {@code
   *     AWS_ENDPOINT_URL_SSM}, {@code AWS_ENDPOINT_URL}
   */
  public static SsmSettings resolve(String region, String endpoint, Map<String, String> env) {
    return new SsmSettings(
        first(region, env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION")),
        first(endpoint, env.get("AWS_ENDPOINT_URL_SSM"), env.get("AWS_ENDPOINT_URL")));
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }
}
