package dev.blueprint.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bp plan} end to end: the real reader, validator and planner on real blueprints. */
class PlanCommandIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static List<List<String>> waves(JsonNode json) {
    List<List<String>> waves = new ArrayList<>();
    for (JsonNode wave : json.get("waves")) {
      List<String> ids = new ArrayList<>();
      wave.forEach(id -> ids.add(id.asText()));
      waves.add(ids);
    }
    return waves;
  }

  @Test
  void textShowsTheWaveTableAndCriticalPathOfTheExample() {
    Path file = Fixtures.copy("example_blueprint.md", dir);
    CliRun run = CliRun.of("plan", file.toString());
    assertThat(run.exit()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .isEqualTo(
            "Plan for "
                + file
                + ": 3 tasks in 3 waves, widest wave 1\n"
                + "\n"
                + "Wave  Width  Tasks\n"
                + "   1      1  T0.1\n"
                + "   2      1  T0.2\n"
                + "   3      1  T1.1\n"
                + "\n"
                + "Critical path (length 3): T0.1 -> T0.2 -> T1.1\n");
  }

  @Test
  void namespaceFixIsPlannedWithinItsParallelLimitAndLock() throws Exception {
    Path file = Fixtures.copy("OUTPOST_DISPATCH_NAMESPACE_FIX.bp.md", dir);
    CliRun run = CliRun.of("plan", file.toString(), "--json");
    assertThat(run.exit()).isZero();
    JsonNode json = JSON.readTree(run.out());
    assertThat(json.get("schema_version").asInt()).isEqualTo(1);
    assertThat(json.get("valid").asBoolean()).isTrue();
    List<List<String>> waves = waves(json);
    assertThat(waves)
        .containsExactly(
            List.of("T0.1", "T0.1.1"),
            List.of("T0.1.2"),
            List.of("T0.1.3"),
            List.of("T1.1", "T1.1.1"),
            List.of("T1.1.2", "T1.2", "T1.2.1"),
            List.of("T1.1.3", "T1.2.2", "T1.3"),
            List.of("T1.4", "T1.5", "T1.6"),
            List.of("T2.1", "T2.1.1", "T2.1.2"),
            List.of("T2.1.3", "T2.2", "T2.2.1"),
            List.of("T2.2.2", "T2.3"),
            List.of("T3.1", "T3.1.1"),
            List.of("T3.1.2", "T3.2"),
            List.of("T3.1.3", "T4.1"),
            List.of("T3.2.1", "T4.2"),
            List.of("T3.2.2", "T4.3"));
    assertThat(json.get("max_width").asInt()).isEqualTo(3);
    assertThat(json.get("critical_path_length").asInt()).isEqualTo(13);
    assertThat(json.get("critical_path").get(0).asText()).isEqualTo("T0.1.1");
    assertThat(json.get("unscheduled")).isEmpty();
  }

  @Test
  void theParallelOptionLimitsEveryWave() throws Exception {
    Path file = Fixtures.copy("OUTPOST_DISPATCH_NAMESPACE_FIX.bp.md", dir);
    CliRun run = CliRun.of("plan", file.toString(), "--json", "--parallel", "1");
    JsonNode json = JSON.readTree(run.out());
    assertThat(waves(json)).hasSize(33).allMatch(w -> w.size() == 1);
    assertThat(json.get("max_width").asInt()).isEqualTo(1);
  }

  @Test
  void completeTasksOfTheRoadmapAreListedAndNothingIsLeftToRun() throws Exception {
    Path file = Fixtures.copy("MASTER_ROADMAP.md", dir);
    CliRun run = CliRun.of("plan", file.toString(), "--json");
    assertThat(run.exit()).isZero();
    JsonNode json = JSON.readTree(run.out());
    assertThat(json.get("waves")).isEmpty();
    assertThat(json.get("unscheduled")).hasSize(13);
    assertThat(json.get("unscheduled"))
        .allSatisfy(u -> assertThat(u.get("reason").asText()).isEqualTo("complete"));
  }

  @Test
  void aHumanGateHoldsBackItsDependents() {
    Path file = Fixtures.copy("valid_blueprint.json", dir);
    CliRun run = CliRun.of("plan", file.toString());
    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .contains("   1      1  T0.1\n   2      1  T0.2\n")
        .contains(
            "  T1.1  human_required          waits for a person: Provide JWT signing secret\n")
        .contains("  T1.2  depends_on_unscheduled  waits on T1.1 (human_required)\n");
  }

  @Test
  void everyTaskOfTheYamlBlueprintIsPlannedOrExplained() throws Exception {
    Path file = Fixtures.copy("OUTPOST_V2_STATUS_CALLBACK.bp.yaml", dir);
    JsonNode json = JSON.readTree(CliRun.of("plan", file.toString(), "--json").out());
    int planned = waves(json).stream().mapToInt(List::size).sum();
    assertThat(planned + json.get("unscheduled").size()).isEqualTo(29);
    assertThat(json.get("task_count").asInt()).isEqualTo(29);
  }

  @Test
  void anInvalidBlueprintIsStillPlannedButExitsOne() throws Exception {
    Path file = Fixtures.broken(dir);
    CliRun run = CliRun.of("plan", file.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out())
        .contains("   1      1  T1\n")
        .contains("  T2  in_cycle            in a cycle with T3\n")
        .contains("  T4  missing_dependency  depends on missing T9\n")
        .containsPattern(
            "The blueprint has \\d+ errors?: run bp validate "
                + java.util.regex.Pattern.quote(file.toString())
                + " for details.\n$");
    JsonNode json = JSON.readTree(CliRun.of("plan", file.toString(), "--json").out());
    assertThat(json.get("valid").asBoolean()).isFalse();
    assertThat(json.get("error_count").asInt()).isPositive();
    assertThat(waves(json)).containsExactly(List.of("T1"));
  }
}
