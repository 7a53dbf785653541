package dev.blueprint.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code bp validate} end to end: the real reader and validator on real blueprints. */
class ValidateCommandIT {

  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({
    "OUTPOST_DISPATCH_NAMESPACE_FIX.bp.md, 33",
    "OUTPOST_V2_STATUS_CALLBACK.bp.yaml, 29",
    "example_blueprint.md, 3",
    "MASTER_ROADMAP.md, 13",
    "valid_blueprint.json, 4"
  })
  void everyFixtureIsValidAndCountsItsTasks(String name, int tasks) {
    Path file = Fixtures.copy(name, dir);
    CliRun run = CliRun.of("validate", file.toString());
    assertThat(run.exit()).as(run.out()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .containsPattern(
            java.util.regex.Pattern.quote(file.toString())
                + ": valid: 0 errors, \\d+ warnings?, \\d+ infos? in "
                + tasks
                + " tasks\n$");
  }

  @Test
  void textPutsOneDiagnosticOnALineWithFileLineSeverityCodeAndTask() {
    Path file = Fixtures.copy("OUTPOST_DISPATCH_NAMESPACE_FIX.bp.md", dir);
    CliRun run = CliRun.of("validate", file.toString());
    assertThat(run.out())
        .contains(file + ":98: warning W_GRAPH_DISAGREES [T0.1] T0.1: the dependency graph");
    assertThat(run.out().lines().filter(l -> l.contains("W_GRAPH_DISAGREES"))).hasSize(7);
  }

  @Test
  void jsonReportsEachGraphDisagreementOfNamespaceFix() throws Exception {
    Path file = Fixtures.copy("OUTPOST_DISPATCH_NAMESPACE_FIX.bp.md", dir);
    CliRun run = CliRun.of("validate", file.toString(), "--json");
    assertThat(run.exit()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("schema_version").asInt()).isEqualTo(1);
    assertThat(json.get("valid").asBoolean()).isTrue();
    assertThat(json.get("task_count").asInt()).isEqualTo(33);
    List<String> disagreeing = new ArrayList<>();
    for (JsonNode d : json.get("diagnostics")) {
      assertThat(d.get("severity").asText()).isIn("error", "warning", "info");
      assertThat(d.has("message") && d.has("line") && d.has("task_id")).isTrue();
      if (d.get("code").asText().equals("W_GRAPH_DISAGREES")) {
        disagreeing.add(d.get("task_id").asText() + "@" + d.get("line").asInt());
      }
    }
    assertThat(disagreeing)
        .containsExactly(
            "T0.1@98", "T1.1@251", "T1.2@402", "T2.1@673", "T2.2@823", "T3.1@981", "T3.2@1133");
  }

  @Test
  void aBlueprintWithACycleAndAMissingDependencyExitsOneAndNamesThem() throws Exception {
    Path file = Fixtures.broken(dir);
    CliRun run = CliRun.of("validate", file.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).isEmpty();
    List<String> errors = run.out().lines().filter(l -> l.contains(": error ")).toList();
    assertThat(errors)
        .anySatisfy(l -> assertThat(l).matches(".*:\\d+: error \\S+ \\[T4\\] .*T9.*"));
    assertThat(errors)
        .anySatisfy(l -> assertThat(l).contains("T2").contains("T3").containsIgnoringCase("cycle"));
    assertThat(run.out())
        .containsPattern(
            java.util.regex.Pattern.quote(file.toString())
                + ": invalid: \\d+ errors?, .* in 4 tasks\n$");
  }

  @Test
  void jsonOfAnInvalidBlueprintSaysSoAndGivesLines() throws Exception {
    Path file = Fixtures.broken(dir);
    CliRun run = CliRun.of("validate", file.toString(), "--json");
    assertThat(run.exit()).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("valid").asBoolean()).isFalse();
    assertThat(json.get("task_count").asInt()).isEqualTo(4);
    assertThat(json.get("diagnostics"))
        .anySatisfy(
            d -> {
              assertThat(d.get("severity").asText()).isEqualTo("error");
              assertThat(d.get("task_id").asText()).isEqualTo("T4");
              assertThat(d.get("line").asInt()).isPositive();
            });
  }

  @Test
  void aFileWithoutTaskBlocksIsInvalid() throws Exception {
    Path file = dir.resolve("empty.md");
    Files.writeString(
        file, "# Nothing here\n\n### T1: Looks like a task\n\nBut has no yaml block.\n");
    CliRun run = CliRun.of("validate", file.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).contains(": error ").contains("invalid");
  }
}
