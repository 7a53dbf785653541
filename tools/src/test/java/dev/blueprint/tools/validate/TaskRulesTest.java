package dev.blueprint.tools.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.BlueprintReader;
import dev.blueprint.tools.blueprint.Diagnostic;
import dev.blueprint.tools.blueprint.Fixtures;
import dev.blueprint.tools.blueprint.Task;
import dev.blueprint.tools.validate.rules.TaskRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The validator runs the task rules together (one visit of each task, one string walk for the
 * secret and variable rules); its report must be exactly the one it gave when each rule ran over
 * all tasks on its own, findings on the same line included in the same order.
 */
class TaskRulesTest {

  /** The validator as it was: each rule alone, in RULES order, then the stable sort. */
  private static List<Diagnostic> ruleByRule(Blueprint b) {
    List<Diagnostic> all = new ArrayList<>(b.readDiagnostics());
    for (Rule rule : Validator.RULES) {
      all.addAll(rule.check(b));
    }
    all.sort(Comparator.comparing(Diagnostic::severity).thenComparingInt(Diagnostic::line));
    return all;
  }

  /** The validator's findings are rule by rule's, which hold at least {@code codes}. */
  private static void assertSameFindingsAsRuleByRule(Blueprint b, String... codes) {
    List<Diagnostic> expected = ruleByRule(b);
    assertThat(expected).extracting(Diagnostic::code).contains(codes);
    assertThat(Validator.validate(b).diagnostics()).isEqualTo(expected);
  }

  @Test
  void everyFixtureGetsTheSameFindingsInTheSameOrderAsRuleByRule() {
    for (String name : Fixtures.ALL) {
      Blueprint b = Fixtures.read(name);
      assertThat(Validator.validate(b).diagnostics()).as(name).isEqualTo(ruleByRule(b));
    }
  }

  @Test
  void findingsOfManyRulesOnOneTaskKeepTheirRuleByRuleOrder() {
    String text =
        BlueprintText.doc(
            "  resource_locks: [{name: db, mode: exclusive}]\n",
            BlueprintText.task(
                "T1",
                "T9",
                "files_to_create: [\"out/${nope_a}\"]",
                "command: \"run ${nope_b} with sk-ant-abcdefghijklmnopqrstuvwxyz012345\"",
                "status: wibble",
                "resources: {locks: [{name: cache, mode: sometimes}]}",
                "on_failure: {fallback_task: T7, action: shrug}",
                "colour: blue"),
            BlueprintText.task("T2", "T1", "test_command: \"true\"", "rollback: \"\""));
    assertSameFindingsAsRuleByRule(
        BlueprintReader.readString(text, "test.bp.md"),
        "E_UNKNOWN_VARIABLE",
        "E_LITERAL_SECRET",
        "E_UNKNOWN_STATUS",
        "E_UNDECLARED_LOCK",
        "E_BAD_VALUE",
        "E_UNKNOWN_FALLBACK",
        "I_UNKNOWN_FIELD");
  }

  @Test
  void variablesInSeveralFieldsOnOneLineAreListedInTheRuleOrderNotTheFieldOrder() {
    // JSON on one line: every field has the same line, so only the rule's own order tells them
    // apart. files_to_create comes first in the task but after command in the rule's order.
    String json =
        "{\"tasks\": [{\"task_id\": \"T1\", \"name\": \"n\", \"status\": \"not_started\","
            + " \"dependencies\": [], \"files_to_create\": [\"${nope_a}\"],"
            + " \"command\": \"${nope_b}\", \"test_command\": \"make ${nope_c}\"}]}";
    Blueprint b = BlueprintReader.readString(json, "one-line.json");
    List<Diagnostic> variables =
        Validator.validate(b).diagnostics().stream()
            .filter(d -> d.code().equals("E_UNKNOWN_VARIABLE"))
            .toList();
    assertThat(variables)
        .extracting(Diagnostic::message)
        .satisfiesExactly(
            m -> assertThat(m).contains("${nope_b}"),
            m -> assertThat(m).contains("${nope_c}"),
            m -> assertThat(m).contains("${nope_a}"));
    assertThat(Validator.validate(b).diagnostics()).isEqualTo(ruleByRule(b));
  }

  @Test
  void aLargeBlueprintWithFindingsOfEveryKindGetsTheRuleByRuleFindings() {
    List<String> tasks = new ArrayList<>();
    for (int i = 1; i <= 3000; i++) {
      String dep = i == 1 ? "" : "T" + (i - 1);
      tasks.add(
          switch (i % 7) {
            case 1 -> BlueprintText.task("T" + i, dep, "command: \"run ${nope_" + i + "}\"");
            case 2 ->
                BlueprintText.task(
                    "T" + i,
                    dep,
                    "rollback: \"curl -H 'Authorization: Bearer a1b2c3d4e5f6g7h8i9j0k1l2m3'\"");
            case 3 -> BlueprintText.task("T" + i, dep, "status: wibble", "colour: blue");
            case 4 ->
                BlueprintText.task("T" + i, dep, "on_failure: {fallback_task: T0, action: shrug}");
            default -> BlueprintText.task("T" + i, dep);
          });
    }
    assertSameFindingsAsRuleByRule(
        BlueprintReader.readString(
            BlueprintText.doc(null, tasks.toArray(String[]::new)), "large.bp.md"),
        "E_UNKNOWN_VARIABLE",
        "E_LITERAL_SECRET",
        "E_UNKNOWN_STATUS",
        "E_UNKNOWN_FALLBACK",
        "I_UNKNOWN_FIELD");
  }

  @Test
  void aRuleThatThrowsIsReportedOnceAndTheOtherRulesStillReport() {
    Blueprint b =
        BlueprintReader.readString(
            BlueprintText.doc(null, BlueprintText.task("T1", "", "status: wibble")), "t.bp.md");
    TaskRule broken =
        (blueprint, out) ->
            (Task t) -> {
              throw new IllegalStateException("boom on " + t.id());
            };
    TaskRule status =
        (TaskRule)
            Validator.RULES.stream()
                .filter(r -> r.getClass().getSimpleName().equals("StatusRule"))
                .findFirst()
                .orElseThrow();
    List<List<Diagnostic>> found = TaskRules.run(b, List.of(broken, status));
    assertThat(found.get(0))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo("E_RULE_FAILED");
              assertThat(d.message()).contains("boom on T1");
            });
    assertThat(found.get(1)).extracting(Diagnostic::code).containsExactly("E_UNKNOWN_STATUS");
  }
}
