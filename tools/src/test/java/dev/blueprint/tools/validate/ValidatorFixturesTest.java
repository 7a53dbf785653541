package dev.blueprint.tools.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blueprint.tools.blueprint.Diagnostic;
import dev.blueprint.tools.blueprint.Fixtures;
import dev.blueprint.tools.blueprint.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the validator says about each real fixture, exactly: no absurd errors, every real issue. */
class ValidatorFixturesTest {

  private static ValidationReport report(String name) {
    return Validator.validate(Fixtures.read(name));
  }

  private static List<String> codes(ValidationReport r) {
    return r.diagnostics().stream().map(Diagnostic::code).toList();
  }

  @Test
  void namespaceFixGraphDisagreesWithItsTasksInExactlySevenPlaces() {
    ValidationReport r = report("OUTPOST_DISPATCH_NAMESPACE_FIX.bp.md");
    assertThat(r.valid()).isTrue();
    assertThat(r.taskCount()).isEqualTo(33);
    List<Diagnostic> graph =
        r.diagnostics().stream().filter(d -> d.code().equals("W_GRAPH_DISAGREES")).toList();
    assertThat(graph).hasSize(7);
    assertThat(graph)
        .extracting(Diagnostic::taskId)
        .containsExactly("T0.1", "T1.1", "T1.2", "T2.1", "T2.2", "T3.1", "T3.2");
    assertThat(graph).allMatch(d -> d.severity() == Severity.WARNING);
    assertThat(graph.get(0).line()).isEqualTo(98);
    assertThat(graph.get(0).message())
        .contains("T0.1", "line 1368", "line 98", "only the graph has T0.1.1, T0.1.2, T0.1.3")
        .doesNotContain("only the task has");
    assertThat(graph.get(3).message())
        .contains("only the graph has T2.1.1, T2.1.2, T2.1.3")
        .contains("only the task has T1.1, T1.2, T1.3, T1.4, T1.5, T1.6");
    assertThat(graph.get(6).message())
        .contains("only the graph has T3.2.1, T3.2.2; only the task has T3.1");
    assertThat(codes(r))
        .containsExactly(
            "W_GRAPH_DISAGREES",
            "W_GRAPH_DISAGREES",
            "W_GRAPH_DISAGREES",
            "W_GRAPH_DISAGREES",
            "W_GRAPH_DISAGREES",
            "W_GRAPH_DISAGREES",
            "W_GRAPH_DISAGREES",
            "I_NO_INPUT_BINDINGS");
    assertThat(r.diagnostics().get(7).message()).startsWith("31 tasks depend on others");
  }

  @Test
  void statusCallbackIsValidAndOnlyNotesImplicitDataFlow() {
    ValidationReport r = report("OUTPOST_V2_STATUS_CALLBACK.bp.yaml");
    assertThat(r.valid()).isTrue();
    // Its code samples hold ${OUTPOST_API_URL} and `${dispatchId}` in prose: not variables.
    assertThat(codes(r)).containsExactly("I_NO_INPUT_BINDINGS");
    assertThat(r.diagnostics().get(0).message()).startsWith("16 tasks depend on others");
  }

  @Test
  void exampleBlueprintOnlyLacksMetadata() {
    ValidationReport r = report("example_blueprint.md");
    assertThat(r.valid()).isTrue();
    assertThat(codes(r)).containsExactly("W_NO_METADATA");
  }

  @Test
  void masterRoadmapLacksMetadataAndHasOneTrivialTest() {
    ValidationReport r = report("MASTER_ROADMAP.md");
    assertThat(r.valid()).isTrue();
    assertThat(codes(r)).containsExactly("W_NO_METADATA", "W_TRIVIAL_TEST");
    Diagnostic trivial = r.diagnostics().get(1);
    assertThat(trivial.taskId()).isEqualTo("T0.3");
    assertThat(trivial.line()).isEqualTo(110);
  }

  @Test
  void validBlueprintJsonWarnsAboutMetadataAndTheShorthandTimeout() {
    ValidationReport r = report("valid_blueprint.json");
    assertThat(r.valid()).isTrue();
    assertThat(codes(r)).containsExactly("W_METADATA_FIELD", "W_NON_ISO_DURATION");
    assertThat(r.diagnostics().get(0).message()).contains("_generated_at, _generator");
    assertThat(r.diagnostics().get(1).taskId()).isEqualTo("T1.1");
    assertThat(r.diagnostics().get(1).message()).contains("'24h'", "PT24H");
  }
}
