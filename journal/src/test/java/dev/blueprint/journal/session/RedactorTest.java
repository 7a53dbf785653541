package dev.blueprint.journal.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactorTest {

  private final Redactor patterns = Redactor.patternsOnly();

  @Test
  void replacesEachKnownKeyShapeWithItsMarker() {
    assertThat(patterns.redact("k=sk-ant-api03-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789"))
        .isEqualTo("k=[REDACTED:anthropic]");
    assertThat(patterns.redact("OPENAI sk-proj-AbCdEfGhIjKlMnOpQrStUvWx0123"))
        .isEqualTo("OPENAI [REDACTED:openai]");
    assertThat(patterns.redact("id AKIAIOSFODNN7EXAMPLE ok"))
        .isEqualTo("id [REDACTED:aws-access-key] ok");
    assertThat(patterns.redact("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"))
        .isEqualTo("aws_secret_access_key = [REDACTED:aws-secret-key]");
    assertThat(patterns.redact("ghp_0123456789abcdefghijABCDEFGHIJ012345 x"))
        .isEqualTo("[REDACTED:github] x");
    assertThat(patterns.redact("github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz"))
        .isEqualTo("[REDACTED:github]");
    assertThat(patterns.redact("xoxb-123456789012-abcdefABCDEF")).isEqualTo("[REDACTED:slack]");
    assertThat(patterns.redact("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig"))
        .isEqualTo("Authorization: Bearer [REDACTED:bearer]");
  }

  @Test
  void replacesAWholePrivateKeyBlock() {
    String text =
        "before\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\nabc\n-----END RSA PRIVATE KEY-----\nafter";
    assertThat(patterns.redact(text)).isEqualTo("before\n[REDACTED:private-key]\nafter");
  }

  @Test
  void replacesValuesOfSecretNamedEnvironmentVariablesOnly() {
    Redactor r =
        new Redactor(
            Map.of(
                "MY_SERVICE_TOKEN", "tok-value-123456",
                "DB_PASSWORD", "hunter2hunter2",
                "SHORT_KEY", "abc",
                "HOME", "/home/someone-long"));
    assertThat(r.redact("t=tok-value-123456 p=hunter2hunter2 s=abc h=/home/someone-long"))
        .isEqualTo(
            "t=[REDACTED:env:MY_SERVICE_TOKEN] p=[REDACTED:env:DB_PASSWORD] s=abc"
                + " h=/home/someone-long");
  }

  @Test
  void leavesOrdinaryTextAlone() {
    String text = "skip the task-runner; sk-short; AKIA lowercase; bearer of news";
    assertThat(patterns.redact(text)).isEqualTo(text);
  }
}
