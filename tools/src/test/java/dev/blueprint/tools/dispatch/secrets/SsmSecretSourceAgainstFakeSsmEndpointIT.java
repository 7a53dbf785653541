package dev.blueprint.tools.dispatch.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.BlueprintReader;
import dev.blueprint.tools.blueprint.SecretResolution;
import dev.blueprint.tools.blueprint.SecretSource;
import dev.blueprint.tools.status.ErrorCode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The aws_ssm secret source through the real AWS SDK v2 against a fake SSM endpoint on 127.0.0.1
 * (AWS itself cannot be reached from tests) that speaks the real JSON 1.1 wire format. Static fake
 * credentials reach the SDK's default chain through its system properties.
 */
class SsmSecretSourceAgainstFakeSsmEndpointIT {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);
  private static final String KEY_ID = "AKIDFAKEFORTESTS0001";

  @TempDir Path root;
  FakeSsmEndpoint ssm;

  @BeforeEach
  void start() throws IOException {
    System.setProperty("aws.accessKeyId", KEY_ID);
    System.setProperty("aws.secretAccessKey", "fake-secret-access-key");
    ssm =
        new FakeSsmEndpoint()
            .parameter("/app/DB_PASSWORD", "s3cr3t-from-ssm")
            .parameter("/other/API_TOKEN", "token-in-another-region")
            .failing("/app/REFUSED", "UnrecognizedClientException");
  }

  @AfterEach
  void stop() {
    ssm.close();
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
  }

  /** A resolver from a real blueprint text whose aws_ssm source names region and endpoint. */
  private SecretResolver fromBlueprint(String onMissing, String endpoint) {
    Blueprint bp =
        BlueprintReader.readString(
            """
            # Secrets — Blueprint

            ## Execution Configuration

            ```yaml
            execution:
              shell: bash
              secret_resolution:
                on_missing: %s
                sources:
                  - type: env
                    prefix: APP_
                  - aws_ssm:
                      prefix: /app/
                      region: eu-west-1
                      endpoint: %s
            ```
            """
                .formatted(onMissing, endpoint),
            "secrets.bp.md");
    return SecretResolver.of(bp.execution(), Map.of(), root, CLOCK);
  }

  @Test
  void readsASecureStringThroughASignedGetParameterCallWithDecryption() throws Exception {
    SecretOutcome out =
        fromBlueprint("abort", ssm.url()).resolve("psql -p '${secrets.DB_PASSWORD}'", "T1");

    assertThat(out).isInstanceOf(SecretOutcome.Resolved.class);
    assertThat(((SecretOutcome.Resolved) out).text()).isEqualTo("psql -p 's3cr3t-from-ssm'");
    assertThat(ssm.requests).hasSize(1);
    FakeSsmEndpoint.Request r = ssm.requests.get(0);
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.path()).isEqualTo("/");
    assertThat(r.header("X-Amz-Target")).isEqualTo("AmazonSSM.GetParameter");
    assertThat(r.header("Content-Type")).isEqualTo("application/x-amz-json-1.1");
    assertThat(r.json().get("Name").asText()).isEqualTo("/app/DB_PASSWORD");
    assertThat(r.json().get("WithDecryption").asBoolean()).isTrue();
    // SigV4 with the static fake credentials, scoped to the blueprint's region and to ssm
    assertThat(r.header("Authorization"))
        .startsWith("AWS4-HMAC-SHA256 Credential=" + KEY_ID + "/")
        .contains("/eu-west-1/ssm/aws4_request")
        .contains("SignedHeaders=")
        .contains("x-amz-target")
        .containsPattern("Signature=[0-9a-f]{64}");
    assertThat(r.header("X-Amz-Date")).matches("\\d{8}T\\d{6}Z");
  }

  @Test
  void asksForEachParameterOncePerRun() {
    SecretResolver resolver = fromBlueprint("abort", ssm.url());
    resolver.resolve("${secrets.DB_PASSWORD}", "T1");
    resolver.resolve("again ${secrets.DB_PASSWORD}", "T2");
    resolver.resolve("${secrets.NOWHERE:x}", "T3");
    resolver.resolve("${secrets.NOWHERE:x}", "T4");

    assertThat(ssm.requests).hasSize(2);
  }

  @Test
  void aMissingParameterFollowsOnMissing() {
    SecretOutcome skipped =
        fromBlueprint("skip_task", ssm.url()).resolve("${secrets.NOT_THERE}", "T1");
    assertThat(skipped).isInstanceOf(SecretOutcome.SkipTask.class);
    var error = ((SecretOutcome.SkipTask) skipped).error();
    assertThat(error.code()).isEqualTo(ErrorCode.E_SECRET_MISSING);
    assertThat(error.message())
        .contains("secret NOT_THERE is not set")
        .contains("env(prefix=APP_)")
        .contains("aws_ssm(prefix=/app/, region=eu-west-1, endpoint=" + ssm.url() + ")");

    SecretOutcome defaulted =
        fromBlueprint("use_default", ssm.url()).resolve("${secrets.NOT_THERE:fallback}", "T1");
    assertThat(((SecretOutcome.Resolved) defaulted).text()).isEqualTo("fallback");

    assertThat(fromBlueprint("abort", ssm.url()).resolve("${secrets.NOT_THERE}", "T1"))
        .isInstanceOf(SecretOutcome.Abort.class);
  }

  @Test
  void refusedCredentialsStopTheRunNamingSecretAndSourceButNoValue() {
    // on_missing: skip_task does not apply: the secret may exist, bp could not ask
    SecretOutcome out =
        fromBlueprint("skip_task", ssm.url())
            .resolve("${secrets.DB_PASSWORD} ${secrets.REFUSED}", "T1");

    assertThat(out).isInstanceOf(SecretOutcome.Abort.class);
    var error = ((SecretOutcome.Abort) out).error();
    assertThat(error.code()).isEqualTo(ErrorCode.E_SETUP_FAILED);
    assertThat(error.taskId()).isEqualTo("T1");
    assertThat(error.message())
        .startsWith("cannot read secret REFUSED (parameter /app/REFUSED) from aws_ssm(prefix=/app/")
        .contains("UnrecognizedClientException")
        .contains("security token included in the request is invalid")
        .doesNotContain("s3cr3t-from-ssm");
  }

  @Test
  void anUnreachableEndpointIsAClearErrorNotAMissingSecret() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    String endpoint = "http://127.0.0.1:" + closedPort;
    SecretOutcome out = fromBlueprint("use_default", endpoint).resolve("${secrets.X:d}", "T1");

    assertThat(out).isInstanceOf(SecretOutcome.Abort.class);
    var error = ((SecretOutcome.Abort) out).error();
    assertThat(error.code()).isEqualTo(ErrorCode.E_SETUP_FAILED);
    assertThat(error.message())
        .startsWith("cannot read secret X (parameter /app/X) from aws_ssm(")
        .contains("endpoint=" + endpoint)
        .contains("SdkClientException");
  }

  @Test
  void regionAndEndpointComeFromTheStandardAwsEnvironmentWhenTheBlueprintGivesNone() {
    SecretResolution config =
        new SecretResolution(null, List.of(new SecretSource("aws_ssm", "/other/", null, null, 1)));
    SecretResolver resolver =
        SecretResolver.of(
            config,
            Map.of(
                "AWS_REGION", "us-east-2",
                "AWS_ENDPOINT_URL_SSM", ssm.url(),
                "AWS_ENDPOINT_URL", "http://127.0.0.1:1"),
            root,
            CLOCK);

    SecretOutcome out = resolver.resolve("${secrets.API_TOKEN}", "T1");

    assertThat(((SecretOutcome.Resolved) out).values())
        .containsEntry("API_TOKEN", "token-in-another-region");
    assertThat(ssm.requests.get(0).header("Authorization")).contains("/us-east-2/ssm/aws4_request");
  }

  @Test
  void aSecretFoundInAnEarlierSourceNeverLoadsTheSdk() throws Exception {
    String fromEnv = probe("IN_ENV");
    assertThat(fromEnv).contains("outcome=Resolved");
    assertThat(fromEnv).doesNotContain("software.amazon.awssdk");
    assertThat(ssm.requests).isEmpty();

    // the same probe does show SDK classes once SSM is asked: the check above can fail
    String fromSsm = probe("DB_PASSWORD");
    assertThat(fromSsm).contains("outcome=Resolved").contains("software.amazon.awssdk");
    assertThat(ssm.requests).hasSize(1);
  }

  private String probe(String secret) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-verbose:class");
    cmd.add("-Daws.accessKeyId=" + KEY_ID);
    cmd.add("-Daws.secretAccessKey=fake-secret-access-key");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(SecretsColdStartProbe.class.getName());
    cmd.add(ssm.url());
    cmd.add(secret);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }
}
