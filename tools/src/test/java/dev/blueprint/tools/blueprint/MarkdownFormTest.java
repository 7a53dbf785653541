package dev.blueprint.tools.blueprint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownFormTest {

  private static String task(String id, String... extra) {
    return "```yaml\ntask_id: "
        + id
        + "\nname: \"Task "
        + id
        + "\"\nstatus: not_started\n"
        + String.join("\n", extra)
        + (extra.length > 0 ? "\n" : "")
        + "```\n";
  }

  @Test
  void junkLogBeforeTheTitleWithAnUnclosedFenceDoesNotSwallowTheDocument() {
    String text =
        "$ claude -p 'write the blueprint'\n"
            + "```\n"
            + "[info] thinking...\n"
            + "# Real Title\n\n"
            + "## Tier 0: Start\n\n"
            + "### T0.1: First\n\n"
            + task("T0.1", "dependencies: []");
    Blueprint b = BlueprintReader.readString(text, "junk.md");
    assertThat(b.tasks()).extracting(Task::id).containsExactly("T0.1");
    assertThat(b.title()).isEqualTo("Real Title");
    assertThat(b.task("T0.1").orElseThrow().line()).isEqualTo(11);
    assertThat(b.task("T0.1").orElseThrow().tier().name()).isEqualTo("Start");
  }

  @Test
  void aLaterTierLikeHeadingWithoutTasksDoesNotDisturbTiersAlreadyRead() {
    String text =
        "# P\n\n## Tier 0: Base\n\n### T0.1: A\n\n"
            + task("T0.1")
            + "\n## Tier 1: Build\n\n#### T1.1.1: Deep heading\n\n"
            + task("T1.1.1")
            + "\n### Tier 1 Results\n\nAll good.\n\n## Tier 9: Retrospective\n\nNothing here.\n";
    Blueprint b = BlueprintReader.readString(text, "t.md");
    assertThat(b.tiers()).extracting(Tier::name).containsExactly("Base", "Build");
    assertThat(b.task("T1.1.1").orElseThrow().tier().number()).isEqualTo(1);
    assertThat(b.task("T1.1.1").orElseThrow().name()).isEqualTo("Task T1.1.1");
  }

  @Test
  void taskBeginEndCommentsAndHeadingTitleWhenNameIsMissing() {
    String text =
        "# P\n\n<!-- TASK_BEGIN: T1 -->\n### T1: Write the parser\n\n```yaml\ntask_id: T1\nstatus: pending\n```\n<!-- TASK_END: T1 -->\n";
    Blueprint b = BlueprintReader.readString(text, "t.md");
    Task t = b.task("T1").orElseThrow();
    assertThat(t.name()).isEqualTo("Write the parser");
    assertThat(t.raw().has("name")).isFalse();
    assertThat(t.status().value()).isEqualTo(Status.NOT_STARTED);
  }

  @Test
  void yamlFrontMatterIsMetadataAndKeepsLineNumbers() {
    String text =
        "---\n_blueprint_version: 2.0.1\n_generated_at: 2026-01-11T23:30:00Z\n_generator: me\n---\n# Title\n\n"
            + task("T1");
    Blueprint b = BlueprintReader.readString(text, "fm.md");
    assertThat(b.metadata().get("_blueprint_version")).isEqualTo("2.0.1");
    assertThat(b.metadata().lines()).containsEntry("_generator", 4);
    assertThat(b.title()).isEqualTo("Title");
    assertThat(b.task("T1").orElseThrow().line()).isEqualTo(9);
  }

  @Test
  void aYamlBlockThatFailsToParseIsAnErrorAtItsAbsoluteLine() {
    String text =
        "# P\n\n### T1\n\n"
            + task("T1")
            + "\n### T2\n\n```yaml\ntask_id: T2\nname: [unclosed\nstatus: pending\n```\n";
    Blueprint b = BlueprintReader.readString(text, "bad.md");
    assertThat(b.tasks()).extracting(Task::id).containsExactly("T1");
    assertThat(b.readDiagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo("E_YAML_PARSE");
              assertThat(d.severity()).isEqualTo(Severity.ERROR);
              assertThat(d.line()).isBetween(14, 16);
              assertThat(d.message()).contains("under 'T2'");
            });
  }

  @Test
  void aFileWithTaskLikeHeadingsButNoTaskBlocksIsInvalid() {
    String text = "# P\n\n## Tier 0: X\n\n### T0.1: Looks like a task\n\nBut has no yaml block.\n";
    Blueprint b = BlueprintReader.readString(text, "empty.md");
    assertThat(b.tasks()).isEmpty();
    assertThat(b.readDiagnostics()).extracting(Diagnostic::code).containsExactly("E_NO_TASKS");
  }

  @Test
  void bsf21DialectFieldsAreRead() {
    String text =
        "# P\n\n## Execution Configuration\n\n```yaml\nexecution:\n  resource_locks:\n"
            + "    - name: db\n      mode: shared\n      max_holders: 2\n    - name: repo\n      type: exclusive\n```\n\n"
            + task("T1", "dependencies: []", "output:\n  ports:\n    report: {type: file}")
            + "\n"
            + task(
                "T2",
                "dependencies:\n  - task: T1\n    type: data\n    output_port: report",
                "input_bindings:\n  rep:\n    source: T1\n    output_port: report\n    transfer: file\n    transform: {language: jq, expression: .x}",
                "resources:\n  timeout: 600\n  locks:\n    - {name: db, mode: shared}",
                "human_required:\n  description: Approve the rollout\n  action_required: Click approve\n  timeout: 3600",
                "rollback:\n  strategy: git_revert\n  command: git revert HEAD",
                "on_failure: {max_retries: 2, retry_delay: PT10S, action: skip, fallback_task: T1}");
    Blueprint b = BlueprintReader.readString(text, "21.md");
    assertThat(b.execution().resourceLocks())
        .containsExactly(
            new ResourceLock("db", LockMode.SHARED, 2, 8),
            new ResourceLock("repo", LockMode.EXCLUSIVE, 1, 11));
    Task t2 = b.task("T2").orElseThrow();
    assertThat(t2.dependencies())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.type()).isEqualTo(DependencyType.DATA);
              assertThat(d.outputPort()).isEqualTo("report");
            });
    assertThat(t2.bindings())
        .singleElement()
        .satisfies(
            bind -> {
              assertThat(bind.source()).isEqualTo("T1");
              assertThat(bind.transformLanguage()).isEqualTo("jq");
              assertThat(bind.transformExpression()).isEqualTo(".x");
              assertThat(bind.required()).isTrue();
            });
    assertThat(t2.timeout()).isEqualTo("600");
    assertThat(t2.locks())
        .extracting(LockUse::name, LockUse::mode)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("db", LockMode.SHARED));
    assertThat(t2.humanRequired().action()).isEqualTo("Click approve");
    assertThat(t2.humanRequired().reason()).isEqualTo("Approve the rollout");
    assertThat(t2.humanRequired().timeout()).isEqualTo("3600");
    assertThat(t2.rollback()).isEqualTo("git revert HEAD");
    assertThat(t2.onFailure())
        .isEqualTo(new OnFailure(2, "PT10S", FailureAction.SKIP, "T1", t2.lineOf("/on_failure")));
    assertThat(b.task("T1").orElseThrow().outputPorts()).containsExactly("report");
  }

  @Test
  void unknownFieldsAreKeptInRaw() {
    Blueprint b = BlueprintReader.readString("# P\n\n" + task("T1", "flavour: vanilla"), "u.md");
    Task t = b.task("T1").orElseThrow();
    assertThat(t.raw().get("flavour").asText()).isEqualTo("vanilla");
    assertThat(t.lineOf("/flavour")).isEqualTo(7);
  }

  @Test
  void numericIdsKeepTheirText() {
    String text =
        "# P\n\n```yaml\ntask_id: 1.1\n```\n\n```yaml\ntask_id: 1.10\ndependencies: [1.1, 007]\n```\n";
    Blueprint b = BlueprintReader.readString(text, "n.md");
    assertThat(b.tasks()).extracting(Task::id).containsExactly("1.1", "1.10");
    assertThat(b.task("1.10").orElseThrow().dependencies())
        .extracting(Dependency::taskId)
        .containsExactly("1.1", "007");
  }

  @Test
  void aBrokenYamlBlockWithoutATaskIsOnlyAWarning() {
    String text = "# P\n\n```yaml\nfoo: [bar\n```\n\n" + task("T1");
    Blueprint b = BlueprintReader.readString(text, "w.md");
    assertThat(b.tasks()).hasSize(1);
    assertThat(b.readDiagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo("W_YAML_PARSE");
              assertThat(d.line()).isBetween(4, 5);
            });
  }

  @Test
  void aJsonLogLineBeforeAMarkdownBlueprintDoesNotHideIt() {
    String text = "{\"level\":\"info\",\"msg\":\"start\"}\n# P\n\n" + task("T1");
    Blueprint b = BlueprintReader.readString(text, "log.md");
    assertThat(b.form()).isEqualTo(BlueprintForm.MARKDOWN);
    assertThat(b.tasks()).extracting(Task::id).containsExactly("T1");
  }
}
