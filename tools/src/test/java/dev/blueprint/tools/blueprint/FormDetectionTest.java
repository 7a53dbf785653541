package dev.blueprint.tools.blueprint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormDetectionTest {

  @Test
  void pureYamlInAFileNamedMarkdownIsReadAsYaml() {
    String yaml = "tiers:\n  - name: One\n    tasks:\n      - task_id: A\n        name: a\n";
    Blueprint b = BlueprintReader.readString(yaml, "plan.bp.md");
    assertThat(b.form()).isEqualTo(BlueprintForm.YAML);
    assertThat(b.task("A").orElseThrow().line()).isEqualTo(4);
    assertThat(b.task("A").orElseThrow().tier().name()).isEqualTo("One");
  }

  @Test
  void markdownInAFileNamedYamlIsReadAsMarkdown() {
    String md = "# T\n\n```yaml\ntask_id: A\n```\n";
    assertThat(BlueprintReader.readString(md, "x.bp.yaml").form())
        .isEqualTo(BlueprintForm.MARKDOWN);
  }

  @Test
  void jsonIsDetectedByItsOpeningBrace() {
    Blueprint b = BlueprintReader.readString("  {\"tasks\": [{\"task_id\": \"A\"}]}", "x.md");
    assertThat(b.form()).isEqualTo(BlueprintForm.JSON);
    assertThat(b.tasks()).extracting(Task::id).containsExactly("A");
  }

  @Test
  void aJsonFileThatIsABareListOfTasksReadsAsThoseTasksWithAWarning() {
    String json =
        "[\n  {\"task_id\": \"A\", \"name\": \"a\"},\n  {\"task_id\": \"B\", \"dependencies\": [\"A\"]}\n]";
    Blueprint b = BlueprintReader.readString(json, "tasks.json");
    assertThat(b.form()).isEqualTo(BlueprintForm.JSON);
    assertThat(b.tasks()).extracting(Task::id).containsExactly("A", "B");
    assertThat(b.tasks().get(1).line()).isEqualTo(3);
    assertThat(b.tasks().get(1).dependencies()).extracting(d -> d.taskId()).containsExactly("A");
    assertThat(b.readDiagnostics())
        .extracting(Diagnostic::code)
        .containsExactly("W_BARE_TASK_LIST");
  }

  @Test
  void aYamlFileThatIsABareListOfTasksReadsAsThoseTasks() {
    Blueprint b = BlueprintReader.readString("- task_id: A\n- task_id: B\n", "tasks.yaml");
    assertThat(b.form()).isEqualTo(BlueprintForm.YAML);
    assertThat(b.tasks()).extracting(Task::id).containsExactly("A", "B");
    assertThat(b.readDiagnostics())
        .extracting(Diagnostic::code)
        .containsExactly("W_BARE_TASK_LIST");
  }

  @Test
  void aJsonListWithoutTasksIsStillNoTasks() {
    assertThat(BlueprintReader.readString("[1, 2]", "x.json").readDiagnostics())
        .extracting(Diagnostic::code)
        .containsExactly("E_NO_TASKS");
  }

  @Test
  void brokenJsonIsADiagnosticWithItsLine() {
    Blueprint b = BlueprintReader.readString("{\n\"tasks\": [\n{\"task_id\": }\n]}", "x.json");
    assertThat(b.readDiagnostics())
        .extracting(Diagnostic::code)
        .containsExactly("E_JSON_PARSE", "E_NO_TASKS");
    assertThat(b.readDiagnostics().get(0).line()).isEqualTo(3);
  }

  @Test
  void brokenPureYamlIsADiagnosticWithItsLine() {
    String yaml = "metadata:\n  title: x\ntiers:\n  - name: a\n    tasks: [\n      - bad: : :\n";
    Blueprint b = BlueprintReader.readString(yaml, "x.yaml");
    assertThat(b.form()).isEqualTo(BlueprintForm.YAML);
    assertThat(b.readDiagnostics().get(0).code()).isEqualTo("E_YAML_PARSE");
    assertThat(b.readDiagnostics().get(0).line()).isGreaterThanOrEqualTo(5);
  }

  @Test
  void emptyTextIsNoTasksNotACrash() {
    assertThat(BlueprintReader.readString("", "e").readDiagnostics())
        .extracting(Diagnostic::code)
        .containsExactly("E_NO_TASKS");
    assertThat(BlueprintReader.readString(null, null).tasks()).isEmpty();
  }

  @Test
  void aTasksEntryThatIsNotAMappingIsAnError() {
    Blueprint b = BlueprintReader.readString("tasks:\n  - just text\n  - task_id: A\n", "x.yaml");
    assertThat(b.tasks()).extracting(Task::id).containsExactly("A");
    assertThat(b.readDiagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo("E_NOT_A_TASK");
              assertThat(d.line()).isEqualTo(2);
            });
  }
}
