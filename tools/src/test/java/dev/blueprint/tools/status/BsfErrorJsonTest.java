package dev.blueprint.tools.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BsfErrorJsonTest {
  private static final Instant T = Instant.parse("2026-11-21T10:00:00Z");

  @Test
  void serialisesWithBsfSnakeCaseKeysAndNestedCause() {
    BsfError cause =
        BsfError.of(ErrorCode.E_TIMEOUT, "agent ran out of time", "T1", Phase.EXECUTION, T);
    BsfError e =
        BsfError.of(ErrorCode.E_EXECUTION_FAILED, "claude failed", "T1", Phase.EXECUTION, T)
            .withDetails(ErrorDetails.of(2, "out", "err", java.time.Duration.ofMillis(1500)))
            .withCause(cause)
            .withRetryInfo(new RetryInfo(1, 3, true));

    JsonNode json = StatusJson.mapper().valueToTree(e);

    assertThat(json.get("code").asText()).isEqualTo("E_EXECUTION_FAILED");
    assertThat(json.get("task_id").asText()).isEqualTo("T1");
    assertThat(json.get("phase").asText()).isEqualTo("execution");
    assertThat(json.get("timestamp").asText()).isEqualTo("2026-11-21T10:00:00Z");
    assertThat(json.at("/details/exit_code").asInt()).isEqualTo(2);
    assertThat(json.at("/details/duration").asLong()).isEqualTo(1500);
    assertThat(json.at("/cause/code").asText()).isEqualTo("E_TIMEOUT");
    assertThat(json.at("/retry_info/max_attempts").asInt()).isEqualTo(3);
    assertThat(json.at("/retry_info/will_retry").asBoolean()).isTrue();
    assertThat(StatusJson.read(StatusJson.write(e), BsfError.class)).isEqualTo(e);
  }

  @Test
  void readerIgnoresFieldsItDoesNotKnow() {
    String json =
        "{\"code\":\"E_SECRET_MISSING\",\"message\":\"m\",\"phase\":\"setup\",\"future\":1}";
    assertThat(StatusJson.read(json, BsfError.class).code()).isEqualTo(ErrorCode.E_SECRET_MISSING);
  }

  @Test
  void capsCapturedOutputAtTenKilobytesKeepingTheEnd() {
    String big = "a".repeat(20_000) + "THE END";
    ErrorDetails d = new ErrorDetails(1, big, "é".repeat(10_000), 5L);
    assertThat(d.stdout()).endsWith("THE END").hasSize(ErrorDetails.CAP_BYTES);
    // Two-byte characters: the cut falls on a character boundary, never half a character.
    assertThat(d.stderr()).matches("é+").hasSize(ErrorDetails.CAP_BYTES / 2);
  }
}
