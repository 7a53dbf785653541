package dev.blueprint.tools.dispatch.secrets;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.SsmClientBuilder;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/**
 * AWS SSM Parameter Store through the AWS SDK v2: {@code GetParameter} with decryption, over the
 * SDK's URL connection client, credentials from the SDK's default chain (system properties,
 * environment, web identity, profile, container, instance metadata). The only class that touches
 * the SDK, so nothing of it is loaded unless a blueprint declares an {@code aws_ssm} source.
 */
final class SdkParameterStore implements ParameterStore {
  private final SsmClient client;

  /**
   * @throws ParameterStore.Failure when no client can be made (no region anywhere)
   */
  SdkParameterStore(SsmSettings settings) {
    SsmClientBuilder b = SsmClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder());
    if (settings.region() != null) {
      b.region(Region.of(settings.region()));
    }
    if (settings.endpoint() != null) {
      b.endpointOverride(URI.create(settings.endpoint()));
    }
    try {
      this.client = b.build();
    } catch (SdkException e) {
      throw failure(e);
    }
  }

  @Override
  public Optional<String> get(String name) {
    try {
      return Optional.of(
          client.getParameter(r -> r.name(name).withDecryption(true)).parameter().value());
    } catch (ParameterNotFoundException e) {
      return Optional.empty();
    } catch (SdkException e) {
      throw failure(e);
    }
  }

  /** AWS's error code and message (e.g. AccessDeniedException), or the client's own words. */
  private static ParameterStore.Failure failure(SdkException e) {
    if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
      return new ParameterStore.Failure(
          aws.awsErrorDetails().errorCode()
              + " (HTTP "
              + aws.statusCode()
              + "): "
              + aws.awsErrorDetails().errorMessage(),
          e);
    }
    return new ParameterStore.Failure(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
  }
}
