package dev.blueprint.tools.validate;

import static dev.blueprint.tools.validate.BlueprintText.codes;
import static dev.blueprint.tools.validate.BlueprintText.doc;
import static dev.blueprint.tools.validate.BlueprintText.task;
import static dev.blueprint.tools.validate.BlueprintText.validate;
import static dev.blueprint.tools.validate.BlueprintText.withCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.blueprint.tools.blueprint.Diagnostic;
import org.junit.jupiter.api.Test;

/** Durations, transforms, secrets, variables, tests, metadata and the declared graph. */
class ContentRulesTest {

  @Test
  void badDurationIsAnErrorAndShorthandIsAWarning() {
    String v =
        "verification:\n  unit:\n    command: make test\n    timeout: two minutes\n"
            + "  smoke:\n    command: make smoke\n    timeout: 90s\nresources:\n  timeout: 2h";
    String text = doc(null, task("T1", "", "test_command: make test", v));
    ValidationReport r = validate(text);
    assertThat(withCode(r, "E_BAD_DURATION"))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.message()).contains("verification.unit.timeout", "'two minutes'");
              assertThat(d.line()).isEqualTo(BlueprintText.line(text, "timeout: two minutes", 1));
            });
    assertThat(withCode(r, "W_NON_ISO_DURATION"))
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("resources.timeout", "PT2H"));
  }

  @Test
  void transformMustBeJq() {
    String b =
        "input_bindings:\n  a:\n    source: T1\n    output_port: result\n"
            + "    transform: {language: python, expression: \"x['a']\"}";
    ValidationReport r = validate(doc(null, task("T1", ""), task("T2", "", b)));
    assertThat(withCode(r, "E_TRANSFORM_NOT_JQ"))
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("'python'", "language: jq"));
  }

  @Test
  void literalSecretsAreErrorsAndSecretReferencesAreFine() {
    String fake = "sk-ant-" + "api03-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789";
    String aws = "AKIA" + "IOSFODNN7EXAMPLE";
    String text =
        doc(
            null,
            task(
                "T1",
                "",
                "execution_context:\n  environment_variables:\n    ANTHROPIC_API_KEY: \""
                    + fake
                    + "\""),
            task("T2", "", "test_command: \"AWS_ACCESS_KEY_ID=" + aws + " make deploy-check\""),
            task(
                "T3",
                "",
                "execution_context:\n  environment_variables:\n    DB_PASSWORD: \"q8Zr4LmX2vTn9KpW7sYb\""),
            task(
                "T4",
                "",
                "execution_context:\n  environment_variables:\n    API_TOKEN: \"${secrets.API_TOKEN}\"\n    HASH_KEY: \"task_arn\""));
    ValidationReport r = validate(text);
    var secrets = withCode(r, "E_LITERAL_SECRET");
    assertThat(secrets).extracting(Diagnostic::taskId).containsExactly("T1", "T2", "T3");
    assertThat(secrets.get(0).message())
        .contains("Anthropic/OpenAI API key", "${secrets.NAME}")
        .doesNotContain(fake);
    assertThat(secrets.get(1).message()).contains("AWS access key id");
    assertThat(secrets.get(2).message()).contains("DB_PASSWORD");
    assertThat(secrets.get(0).line()).isEqualTo(BlueprintText.line(text, "ANTHROPIC_API_KEY", 1));
  }

  @Test
  void privateKeyBlocksAreSecretsAnywhere() {
    String key = "-----BEGIN " + "PRIVATE KEY-----\nMIIEvQIBADANBg\n-----END PRIVATE KEY-----";
    ValidationReport r =
        validate(doc(null, task("T1", "", "notes: |\n  " + key.replace("\n", "\n  "))));
    assertThat(withCode(r, "E_LITERAL_SECRET"))
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("T1 notes", "a private key"));
  }

  @Test
  void unknownVariableIsAnErrorButShellEscapesAndSecretsAreNot() {
    String cmds =
        "verification:\n  unit:\n    command: \"test -d ${working_directory} && echo ${REPO_NAME##*/} && echo $${literal} && echo ${secrets.TOKEN:none}\"\n"
            + "  smoke:\n    command: \"ls ${output_dir}\"";
    ValidationReport r =
        validate(doc(null, task("T1", "", "test_command: \"ls ${output_dir}\"", cmds)));
    assertThat(withCode(r, "E_UNKNOWN_VARIABLE"))
        .extracting(Diagnostic::message)
        .hasSize(2)
        .allSatisfy(m -> assertThat(m).contains("${output_dir}", "$${output_dir}"))
        .anySatisfy(m -> assertThat(m).contains("T1 verification.smoke.command"))
        .anySatisfy(m -> assertThat(m).contains("T1 test_command"));
  }

  @Test
  void variablesInProseAreNotChecked() {
    ValidationReport r = validate(doc(null, task("T1", "", "description: \"fetch(`${url}/x`)\"")));
    assertThat(codes(r)).isEmpty();
  }

  @Test
  void trivialTestsAndMismatchedTestsAreWarnings() {
    String v = "verification:\n  unit:\n    command: \"echo done\"";
    ValidationReport r =
        validate(doc(null, task("T1", "", "test_command: \"true\""), task("T2", "", v)));
    assertThat(withCode(r, "W_TRIVIAL_TEST"))
        .extracting(Diagnostic::taskId)
        .containsExactly("T1", "T2");
    assertThat(withCode(r, "W_TEST_MISMATCH"))
        .singleElement()
        .satisfies(d -> assertThat(d.taskId()).isEqualTo("T2"));
    String realPipe = "test_command: \"echo x | grep -q x\"";
    assertThat(codes(validate(doc(null, task("T1", "", realPipe))))).isEmpty();
  }

  @Test
  void claimedTaskCountMustMatch() {
    String text =
        doc(null, task("T1", ""))
            .replace("<!-- END METADATA -->", "<!-- _total_tasks: 5 -->\n<!-- END METADATA -->");
    assertThat(withCode(validate(text), "W_TASK_COUNT"))
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("claims 5 tasks but the blueprint has 1"));
  }

  @Test
  void missingMetadataIsAWarning() {
    String text = doc(null, task("T1", "")).replace(BlueprintText.METADATA, "");
    assertThat(codes(validate(text))).containsExactly("W_NO_METADATA");
  }

  @Test
  void graphEntriesForUnknownTasksAndTasksMissingFromTheGraphDisagree() {
    String graph =
        "## Dependency Graph\n\n```yaml\ndependency_graph:\n  T2: [T1]\n  T9: [T1]\n```\n";
    ValidationReport r =
        validate(doc(null, task("T1", ""), task("T2", "T1"), task("T3", "T2")) + graph);
    assertThat(withCode(r, "W_GRAPH_DISAGREES"))
        .extracting(Diagnostic::message)
        .hasSize(2)
        .anySatisfy(m -> assertThat(m).contains("lists T9, which is not a task"))
        .anySatisfy(m -> assertThat(m).contains("T3 depends on T2", "has no entry for it"));
  }

  @Test
  void secretsAndVariablesInTheExecutionBlockAreCheckedToo() {
    String exec =
        "  preflight_checks:\n    - command: \"test -d ${workdir}\"\n"
            + "  secret_resolution:\n    sources:\n      - type: vault\n        address: https://vault\n"
            + "        token: \"ghp_"
            + "aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789\"\n";
    ValidationReport r = validate(doc(exec, task("T1", "")));
    assertThat(withCode(r, "E_UNKNOWN_VARIABLE"))
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("preflight_checks", "${workdir}"));
    assertThat(withCode(r, "E_LITERAL_SECRET"))
        .singleElement()
        .satisfies(
            d ->
                assertThat(d.message())
                    .contains("execution", "GitHub token")
                    .doesNotContain("aBcDeF"));
  }

  @Test
  void aSecretInTheMetadataIsFoundAtItsLine() {
    String text =
        doc(null, task("T1", ""))
            .replace(
                "<!-- END METADATA -->",
                "<!-- _api_token: xoxb-"
                    + "123456789012-abcdefghijklmnop -->\n<!-- END METADATA -->");
    ValidationReport r = validate(text);
    assertThat(withCode(r, "E_LITERAL_SECRET"))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.message()).contains("metadata _api_token", "Slack token");
              assertThat(d.line()).isEqualTo(BlueprintText.line(text, "_api_token", 1));
            });
  }
}
