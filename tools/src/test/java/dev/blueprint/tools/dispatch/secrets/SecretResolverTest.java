package dev.blueprint.tools.dispatch.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blueprint.tools.blueprint.SecretResolution;
import dev.blueprint.tools.blueprint.SecretSource;
import dev.blueprint.tools.status.ErrorCode;
import dev.blueprint.tools.status.Phase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretResolverTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);

  @TempDir Path root;

  @BeforeEach
  void writeDotenv() throws Exception {
    Files.writeString(
        root.resolve(".env"),
        """
        # deploy keys
        export DB_PASSWORD="from file"
        API_TOKEN='file-token'
        EMPTY=
        """);
  }

  private SecretResolver resolver(String onMissing, Map<String, String> env) {
    SecretResolution config =
        new SecretResolution(
            onMissing,
            List.of(
                new SecretSource("env", "APP_", null, null, 1),
                new SecretSource("file", null, ".env", null, 2)));
    return SecretResolver.of(config, env, root, CLOCK);
  }

  @Test
  void asksSourcesInDeclaredOrderAndReplacesEveryReference() {
    SecretOutcome out =
        resolver("abort", Map.of("APP_API_TOKEN", "env-token", "API_TOKEN", "unprefixed"))
            .resolve(
                "curl -H \"${secrets.API_TOKEN}\" db=${secrets.DB_PASSWORD} e=[${secrets.EMPTY}]",
                "T1");

    assertThat(out).isInstanceOf(SecretOutcome.Resolved.class);
    SecretOutcome.Resolved r = (SecretOutcome.Resolved) out;
    assertThat(r.text()).isEqualTo("curl -H \"env-token\" db=from file e=[]");
    assertThat(r.values())
        .containsEntry("API_TOKEN", "env-token")
        .containsEntry("DB_PASSWORD", "from file");
  }

  @Test
  void keepsEscapedReferencesLiteral() {
    SecretOutcome.Resolved r =
        (SecretOutcome.Resolved)
            resolver("abort", Map.of()).resolve("echo $${secrets.API_TOKEN} $x", "T1");
    assertThat(r.text()).isEqualTo("echo ${secrets.API_TOKEN} $x");
    assertThat(r.values()).isEmpty();
  }

  @Test
  void abortNamesTheSecretAndWhereItLooked() {
    SecretOutcome out = resolver("abort", Map.of()).resolve("x ${secrets.NOPE:fallback}", "T4");

    assertThat(out).isInstanceOf(SecretOutcome.Abort.class);
    var e = ((SecretOutcome.Abort) out).error();
    assertThat(e.code()).isEqualTo(ErrorCode.E_SECRET_MISSING);
    assertThat(e.taskId()).isEqualTo("T4");
    assertThat(e.phase()).isEqualTo(Phase.SETUP);
    assertThat(e.message())
        .isEqualTo(
            "secret NOPE is not set (looked in env(prefix=APP_), file("
                + root.resolve(".env")
                + "); on_missing: abort)");
  }

  @Test
  void skipTaskSkipsAndPromptAbortsWhenNobodyCanAnswer() {
    assertThat(resolver("skip_task", Map.of()).resolve("${secrets.NOPE}", "T1"))
        .isInstanceOf(SecretOutcome.SkipTask.class);
    assertThat(resolver("prompt", Map.of()).resolve("${secrets.NOPE}", "T1"))
        .isInstanceOf(SecretOutcome.Abort.class);
    assertThat(resolver(null, Map.of()).resolve("${secrets.NOPE}", "T1"))
        .isInstanceOf(SecretOutcome.Abort.class);
  }

  @Test
  void useDefaultTakesTheInlineDefaultOrAbortsWithoutOne() {
    SecretResolver r = resolver("use_default", Map.of());
    assertThat(((SecretOutcome.Resolved) r.resolve("u=${secrets.USER:admin}", "T1")).text())
        .isEqualTo("u=admin");
    assertThat(r.resolve("u=${secrets.USER}", "T1")).isInstanceOf(SecretOutcome.Abort.class);
  }

  @Test
  void withoutDeclaredSourcesReadsThePlainEnvironmentAndAMissingFileHasNoSecrets() {
    SecretResolver plain =
        SecretResolver.of(new SecretResolution(null, List.of()), Map.of("TOKEN", "t"), root, CLOCK);
    assertThat(((SecretOutcome.Resolved) plain.resolve("${secrets.TOKEN}", "T1")).text())
        .isEqualTo("t");

    SecretResolver noFile =
        SecretResolver.of(
            new SecretResolution(
                "abort", List.of(new SecretSource("file", null, "missing.env", null, 1))),
            Map.of("TOKEN", "t"),
            root,
            CLOCK);
    assertThat(noFile.resolve("${secrets.TOKEN}", "T1")).isInstanceOf(SecretOutcome.Abort.class);
  }

  @Test
  void vaultAndUnknownSourcesArePassedOverAndNamedAsUnsupported() {
    SecretResolution config =
        new SecretResolution(
            "abort",
            List.of(
                new SecretSource("vault", null, "secret/app", "https://vault.example:8200", 1),
                new SecretSource("keychain", null, null, null, 2),
                new SecretSource("env", "APP_", null, null, 3)));
    SecretResolver resolver = SecretResolver.of(config, Map.of("APP_TOKEN", "t"), root, CLOCK);

    assertThat(((SecretOutcome.Resolved) resolver.resolve("${secrets.TOKEN}", "T1")).text())
        .isEqualTo("t");
    SecretOutcome out = resolver.resolve("${secrets.DB}", "T1");
    assertThat(((SecretOutcome.Abort) out).error().message())
        .contains("vault(https://vault.example:8200): not supported by bp, passed over")
        .contains("keychain: not supported by bp, passed over")
        .contains("env(prefix=APP_)");
  }
}
