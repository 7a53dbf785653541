package dev.blueprint.tools.validate;

import static dev.blueprint.tools.validate.BlueprintText.codes;
import static dev.blueprint.tools.validate.BlueprintText.doc;
import static dev.blueprint.tools.validate.BlueprintText.task;
import static dev.blueprint.tools.validate.BlueprintText.validate;
import static dev.blueprint.tools.validate.BlueprintText.withCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.blueprint.tools.blueprint.Diagnostic;
import dev.blueprint.tools.blueprint.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ids, dependencies, ports, fallbacks, locks, required fields and statuses. */
class StructureRulesTest {

  @Test
  void aCompleteBlueprintHasNoFindings() {
    String bind = "input_bindings:\n  a: {source: T1, output_port: result}";
    ValidationReport r = validate(doc(null, task("T1", ""), task("T2", "", bind)));
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.valid()).isTrue();
  }

  @Test
  void duplicateIdPointsAtBothTasks() {
    String text = doc(null, task("T1", ""), task("T1", ""));
    ValidationReport r = validate(text);
    int first = BlueprintText.line(text, "task_id: T1", 1);
    int second = BlueprintText.line(text, "task_id: T1", 2);
    Diagnostic d = withCode(r, "E_DUPLICATE_ID").get(0);
    assertThat(withCode(r, "E_DUPLICATE_ID")).hasSize(1);
    assertThat(d.message()).contains("task_id T1 (line " + second + ")", "task at line " + first);
    assertThat(d.line()).isEqualTo(second);
    assertThat(r.valid()).isFalse();
  }

  @Test
  void unknownDependencySuggestsTheClosestId() {
    String text = doc(null, task("T1.1", ""), task("T1.2", "T1.l"));
    Diagnostic d = withCode(validate(text), "E_UNKNOWN_DEPENDENCY").get(0);
    assertThat(d.taskId()).isEqualTo("T1.2");
    assertThat(d.message()).contains("'T1.l' is not a task", "did you mean 'T1.1'?");
    assertThat(d.line()).isEqualTo(BlueprintText.line(text, "dependencies: [T1.l]", 1));
  }

  @Test
  void bindingSourceMustExistAndPortMustBeDeclared() {
    String bindings =
        "input_bindings:\n  a:\n    source: T9\n    output_port: result\n  b:\n    source: T1\n    output_port: nope";
    ValidationReport r = validate(doc(null, task("T1", ""), task("T2", "", bindings)));
    assertThat(withCode(r, "E_UNKNOWN_DEPENDENCY"))
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("input_bindings.a.source", "'T9'"));
    assertThat(withCode(r, "E_UNKNOWN_PORT"))
        .singleElement()
        .satisfies(
            d ->
                assertThat(d.message())
                    .contains("port 'nope' is not an output of T1", "T1 declares result"));
  }

  @Test
  void bindingSourceAlsoListedAsDependencyIsRedundantInfo() {
    String bindings = "input_bindings:\n  a:\n    source: T1\n    output_port: result";
    ValidationReport r = validate(doc(null, task("T1", ""), task("T2", "T1", bindings)));
    assertThat(codes(r)).containsExactly("I_REDUNDANT_DEPENDENCY");
    assertThat(r.valid()).isTrue();
  }

  @Test
  void missingCoreFieldsAreErrorsAndMissingRollbackOrCriteriaAreWarnings() {
    String bare = "### T1\n\n```yaml\ntask_id: T1\noutput: {path: x}\n```\n";
    ValidationReport r = validate(doc(null, bare));
    List<Diagnostic> missing = withCode(r, "E_MISSING_FIELD");
    assertThat(missing)
        .extracting(Diagnostic::message)
        .anySatisfy(m -> assertThat(m).contains("has no name"))
        .anySatisfy(m -> assertThat(m).contains("has no status"))
        .anySatisfy(m -> assertThat(m).contains("has no dependencies"))
        .anySatisfy(m -> assertThat(m).contains("has no interface"))
        .anySatisfy(m -> assertThat(m).contains("has no verification"));
    assertThat(missing).hasSize(5);
    assertThat(codes(r)).contains("W_NO_ROLLBACK", "W_NO_ACCEPTANCE");
  }

  @Test
  void unknownStatusIsAnErrorButEmojiAndUpperCaseAreFine() {
    ValidationReport r =
        validate(
            doc(
                null,
                task("T1", "", "status: \"✅ COMPLETE\""),
                task("T2", "", "status: maybe_later")));
    assertThat(withCode(r, "E_UNKNOWN_STATUS"))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.taskId()).isEqualTo("T2");
              assertThat(d.message()).contains("'maybe_later' is not a status");
            });
  }

  @Test
  void lockNamedByATaskMustBeDeclared() {
    String exec = "  resource_locks:\n    - name: db\n      type: exclusive\n";
    String locks =
        "resources:\n  locks:\n    - {name: db, mode: exclusive}\n    - {name: cache, mode: shared}";
    ValidationReport r = validate(doc(exec, task("T1", "", locks)));
    assertThat(withCode(r, "E_UNDECLARED_LOCK"))
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("lock 'cache'", "(declared: db)"));
  }

  @Test
  void resourceRequiredByATestTierMustBeDeclaredAsALock() {
    String exec = "  resource_locks:\n    - name: db\n      type: exclusive\n";
    String verification =
        "verification:\n  integration:\n    command: \"make it\"\n"
            + "    requires_resources: [db, staging-cluster]";
    ValidationReport r = validate(doc(exec, task("T1", "", verification)));
    assertThat(withCode(r, "E_UNDECLARED_LOCK"))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.taskId()).isEqualTo("T1");
              assertThat(d.message())
                  .contains(
                      "verification.integration.requires_resources",
                      "'staging-cluster'",
                      "(declared: db)");
              assertThat(d.line()).isGreaterThan(0);
            });
  }

  @Test
  void fallbackTaskMustExist() {
    ValidationReport r =
        validate(doc(null, task("T1", "", "on_failure: {max_retries: 1, fallback_task: T7}")));
    assertThat(withCode(r, "E_UNKNOWN_FALLBACK"))
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("on_failure.fallback_task", "'T7'"));
  }

  @Test
  void enumeratedValuesOutsideBsfAreBadValues() {
    String exec =
        "  max_parallel_tasks: many\n  resource_locks:\n    - {name: db, mode: sometimes}\n";
    ValidationReport r = validate(doc(exec, task("T1", "", "on_failure: {action: explode}")));
    assertThat(withCode(r, "E_BAD_VALUE"))
        .extracting(Diagnostic::message)
        .anySatisfy(m -> assertThat(m).contains("max_parallel_tasks", "'many'"))
        .anySatisfy(m -> assertThat(m).contains("resource_locks[db].mode", "'sometimes'"))
        .anySatisfy(m -> assertThat(m).contains("on_failure.action", "'explode'"))
        .hasSize(3);
  }

  @Test
  void strictV2RequiresOutputUnlessInV1MigrationMode() {
    String noOutput =
        "### T1\n\n```yaml\ntask_id: T1\nname: x\nstatus: pending\ndependencies: []\n"
            + "interface: {input: a, output: b}\nacceptance_criteria: [ok]\ntest_command: make test\nrollback: git restore .\n```\n";
    assertThat(withCode(validate(doc(null, noOutput)), "E_MISSING_FIELD"))
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("has no output", "BSF 2.0.1"));
    assertThat(codes(validate(doc("  compatibility_mode: v1_migration\n", noOutput)))).isEmpty();
    String legacy = doc(null, noOutput).replace("2.0.1", "1.0");
    assertThat(codes(validate(legacy))).isEmpty();
  }

  @Test
  void errorsComeFirstThenByLine() {
    ValidationReport r =
        validate(
            doc(null, task("T1", "", "flavour: x"), task("T2", "T9", "test_command: \"true\"")));
    assertThat(r.diagnostics())
        .extracting(Diagnostic::severity)
        .containsExactly(Severity.ERROR, Severity.WARNING, Severity.INFO, Severity.INFO);
    assertThat(codes(r))
        .containsExactly(
            "E_UNKNOWN_DEPENDENCY", "W_TRIVIAL_TEST", "I_NO_INPUT_BINDINGS", "I_UNKNOWN_FIELD");
    assertThat(withCode(r, "I_UNKNOWN_FIELD").get(0).message()).contains("T1 field 'flavour'");
  }
}
