package dev.blueprint.tools.blueprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FixtureReadingTest {

  private static List<String> ids(Blueprint b) {
    return b.tasks().stream().map(Task::id).toList();
  }

  private static List<String> deps(Blueprint b, String id) {
    return b.task(id).orElseThrow().dependencies().stream().map(Dependency::taskId).toList();
  }

  @Test
  void namespaceFixReads33TasksWithTiersLinesAndConfig() {
    String text = Fixtures.text("OUTPOST_DISPATCH_NAMESPACE_FIX.bp.md");
    Blueprint b = Fixtures.read("OUTPOST_DISPATCH_NAMESPACE_FIX.bp.md");

    assertThat(b.form()).isEqualTo(BlueprintForm.MARKDOWN);
    assertThat(b.readDiagnostics()).isEmpty();
    assertThat(b.tasks()).hasSize(33);
    assertThat(ids(b)).startsWith("T0.1", "T0.1.1", "T0.1.2", "T0.1.3", "T1.1").endsWith("T4.3");
    assertThat(b.title()).isEqualTo("Outpost Dispatch Namespace Fix — Implementation Blueprint");

    Task t011 = b.task("T0.1.1").orElseThrow();
    assertThat(t011.line()).isEqualTo(133).isEqualTo(Fixtures.lineOf(text, "task_id: T0.1.1"));
    assertThat(t011.tier().number()).isZero();
    assertThat(t011.tier().name()).isEqualTo("Foundation — Analysis & Design");
    assertThat(t011.status().value()).isEqualTo(Status.NOT_STARTED);
    assertThat(t011.outputPorts()).containsExactly("analysis");

    Task t11 = b.task("T1.1").orElseThrow();
    assertThat(t11.verification())
        .extracting(VerificationStep::tier)
        .containsExactly(TestTier.SMOKE, TestTier.UNIT);
    assertThat(t11.verification().get(1).timeout()).isEqualTo("PT10S");
    assertThat(t11.lineOf("/verification/unit/command")).isEqualTo(269);
    assertThat(t11.lineOf("/verification/smoke/command")).isEqualTo(266);
    assertThat(t11.requiredCapabilities()).containsExactly("bash", "git");
    assertThat(t11.rollback()).isEqualTo("git restore scripts/dispatch.sh");

    assertThat(deps(b, "T2.1")).containsExactly("T1.1", "T1.2", "T1.3", "T1.4", "T1.5", "T1.6");
    assertThat(deps(b, "T4.1")).containsExactly("T3.1", "T3.2");
    assertThat(b.task("T4.3").orElseThrow().tier().number()).isEqualTo(4);
    assertThat(b.tiers()).extracting(Tier::number).containsExactly(0, 1, 2, 3, 4);

    assertThat(b.metadata().get("_blueprint_version")).isEqualTo("2.0.1");
    assertThat(b.metadata().get("_generator")).isEqualTo("claude-sonnet-4-5 (manual)");
    assertThat(b.metadata().lines()).containsEntry("_generated_at", 10);
    assertThat(b.metadata().line()).isEqualTo(8);

    ExecutionConfig exec = b.execution();
    assertThat(exec.shell()).isEqualTo("bash");
    assertThat(exec.shellFlags()).containsExactly("-e", "-o", "pipefail");
    assertThat(exec.maxParallelTasks()).isEqualTo(3);
    assertThat(exec.resourceLocks())
        .containsExactly(new ResourceLock("outpost_scripts", LockMode.EXCLUSIVE, 1, 65));
    assertThat(exec.preflightChecks()).hasSize(3);
    assertThat(exec.preflightChecks().get(2).errorMessage())
        .isEqualTo("Uncommitted changes in scripts/ directory");
    assertThat(exec.secretResolution().onMissing()).isEqualTo("abort");
    assertThat(exec.secretResolution().sources())
        .extracting(SecretSource::type)
        .containsExactly("env", "file");

    DeclaredGraph g = b.declaredGraph();
    assertThat(g.edges()).hasSize(33);
    assertThat(g.edges().get("T0.1")).containsExactly("T0.1.1", "T0.1.2", "T0.1.3");
    assertThat(g.lines()).containsEntry("T0.1", Fixtures.lineOf(text, "  T0.1:"));
  }

  @Test
  void statusCallbackYamlReads29TasksFromItsSecondDocument() {
    String text = Fixtures.text("OUTPOST_V2_STATUS_CALLBACK.bp.yaml");
    Blueprint b = Fixtures.read("OUTPOST_V2_STATUS_CALLBACK.bp.yaml");

    assertThat(b.form()).isEqualTo(BlueprintForm.YAML);
    assertThat(b.readDiagnostics()).isEmpty();
    assertThat(b.tasks()).hasSize(29);
    assertThat(b.tiers()).extracting(Tier::number).containsExactly(0, 1, 2, 3, 4, 5);
    assertThat(b.tiers().get(0).name()).isEqualTo("E2E Test Migration");

    // The first YAML document holds metadata only.
    assertThat(b.metadata().get("_blueprint_version")).isEqualTo("2.1.0");
    assertThat(b.metadata().get("_generator")).isEqualTo("claude-opus-4.5");
    assertThat(b.metadata().lines()).containsEntry("_blueprint_version", 12);
    assertThat(b.title()).isEqualTo("OUTPOST_V2_STATUS_CALLBACK");

    Task t01 = b.task("T0.1").orElseThrow();
    assertThat(t01.line()).isEqualTo(158);
    assertThat(t01.status()).isEqualTo(new TaskStatus(Status.NOT_STARTED, "pending"));
    // 2.1 rollback {strategy, command} and interface inputs[]/outputs[].
    assertThat(t01.rollback()).isEqualTo("N/A - analysis only");
    assertThat(t01.outputPorts()).containsExactly("audit_report");
    assertThat(t01.interfaceInput()).isEqualTo("test_setup (file_path)");
    assertThat(t01.testCommand()).isEqualTo("grep -r 'SSM\\|mi-0' tests/");
    assertThat(t01.lineOf("/test_command"))
        .isEqualTo(Fixtures.lineOf(text, "test_command: \"grep -r 'SSM"));

    assertThat(b.task("T0.5").orElseThrow().dependencies())
        .extracting(Dependency::taskId)
        .containsExactly("T0.3", "T0.4");
    assertThat(b.task("T1.4").orElseThrow().outputPorts())
        .containsExactlyInAnyOrder("variables_tf", "outputs_tf");
    assertThat(b.task("T5.5").orElseThrow().tier().number()).isEqualTo(5);

    // 2.1 writes lock mode rather than type.
    assertThat(b.execution().resourceLocks())
        .extracting(ResourceLock::name, ResourceLock::mode)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("dynamodb-dispatches", LockMode.EXCLUSIVE),
            org.assertj.core.groups.Tuple.tuple("terraform-state", LockMode.EXCLUSIVE));
    assertThat(b.execution().raw().at("/timeout/task_default_seconds").asInt()).isEqualTo(300);
    assertThat(b.extras().has("problem_statement")).isTrue();
    assertThat(b.extras().at("/completion/estimated_effort/tasks").asInt()).isEqualTo(24);
  }

  @Test
  void exampleBlueprintReadsThreeTasksWithEmojiStatusesAndIgnoresTextArtGraph() {
    Blueprint b = Fixtures.read("example_blueprint.md");
    assertThat(b.readDiagnostics()).isEmpty();
    assertThat(ids(b)).containsExactly("T0.1", "T0.2", "T1.1");
    Task t = b.task("T0.2").orElseThrow();
    assertThat(t.status()).isEqualTo(new TaskStatus(Status.NOT_STARTED, "🔲 NOT_STARTED"));
    assertThat(t.line()).isEqualTo(53);
    assertThat(t.dependencies())
        .containsExactly(new Dependency("T0.1", DependencyType.COMPLETION, null, 56));
    assertThat(t.testCommand()).isEqualTo("pip install -e . && python -c \"import click\"\n");
    assertThat(b.task("T1.1").orElseThrow().filesToCreate())
        .containsExactly("src/todo/cli.py", "src/todo/storage.py");
    assertThat(b.tiers()).extracting(Tier::name).containsExactly("Foundation", "Core Features");
    assertThat(b.declaredGraph()).isNull();
    assertThat(b.metadata().present()).isFalse();
  }

  @Test
  void masterRoadmapReads13CompleteTasksAndTheNestedExampleIsNotAGate() {
    Blueprint b = Fixtures.read("MASTER_ROADMAP.md");
    assertThat(b.readDiagnostics()).isEmpty();
    assertThat(b.tasks()).hasSize(13);
    assertThat(b.tasks())
        .allSatisfy(
            t -> assertThat(t.status()).isEqualTo(new TaskStatus(Status.COMPLETE, "✅ COMPLETE")));
    assertThat(deps(b, "T1.1")).containsExactly("T0.1", "T0.2", "T0.3", "T0.4");
    // T0.4 carries an example: human_required nested in it; that is not the task's own gate.
    Task t04 = b.task("T0.4").orElseThrow();
    assertThat(t04.humanRequired()).isNull();
    assertThat(t04.raw().at("/example/human_required/action").asText())
        .isEqualTo("Provide OpenAI API key");
    assertThat(b.task("T2.1").orElseThrow().humanRequired().action())
        .isEqualTo("Provide Anthropic API key for Claude integration");
    assertThat(b.task("T4.1").orElseThrow().tier().name()).isEqualTo("CLI & UX");
    assertThat(b.tiers()).extracting(Tier::number).containsExactly(0, 1, 2, 3, 4);
    assertThat(b.task("T2.3").orElseThrow().estimatedSessions()).isEqualTo(2.0);
  }

  @Test
  void validBlueprintJsonReadsAllFourTasksWithTheirLinesAndGraphEdges() {
    String text = Fixtures.text("valid_blueprint.json");
    Blueprint b = Fixtures.read("valid_blueprint.json");
    assertThat(b.form()).isEqualTo(BlueprintForm.JSON);
    assertThat(b.readDiagnostics()).isEmpty();
    assertThat(ids(b)).containsExactly("T0.1", "T0.2", "T1.1", "T1.2");
    assertThat(b.task("T1.2").orElseThrow().line())
        .isEqualTo(Fixtures.lineOf(text, "\"task_id\": \"T1.2\""));
    HumanGate gate = b.task("T1.1").orElseThrow().humanRequired();
    assertThat(gate.action()).isEqualTo("Provide JWT signing secret");
    assertThat(gate.timeout()).isEqualTo("24h");
    assertThat(b.task("T0.2").orElseThrow().humanRequired()).isNull();
    assertThat(b.declaredGraph().edges())
        .containsEntry("T1.2", List.of("T1.1"))
        .containsEntry("T0.1", List.of());
    assertThat(b.title()).isEqualTo("Example Blueprint");
  }
}
