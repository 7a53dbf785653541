package dev.blueprint.tools.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.Diagnostic;
import dev.blueprint.tools.blueprint.ExecutionConfig;
import dev.blueprint.tools.blueprint.Status;
import dev.blueprint.tools.blueprint.Task;
import dev.blueprint.tools.plan.Plan;
import dev.blueprint.tools.plan.PlanOptions;
import dev.blueprint.tools.plan.Planner;
import dev.blueprint.tools.validate.ValidationReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanRenderingTest {

  private static final Plan PLAN =
      Planner.plan(
          Blueprint.of(
              "demo.bp.md",
              ExecutionConfig.empty(),
              List.of(
                  Task.builder("T1").build(),
                  Task.builder("T2").estimatedSessions(1.5).build(),
                  Task.builder("T3").dependsOn("T1", "T2").build(),
                  Task.builder("T10").status(Status.BLOCKED).build(),
                  Task.builder("T11").dependsOn("T10").build())),
          PlanOptions.DEFAULT);

  @Test
  void textShowsTheWaveTableCriticalPathAndUnscheduledTasks() {
    assertThat(PlanText.render(PLAN))
        .isEqualTo(
            """
            Plan for demo.bp.md: 3 tasks in 2 waves, widest wave 2, 2 unscheduled

            Wave  Width  Tasks
               1      2  T1, T2
               2      1  T3

            Critical path (length 2.5): T2 -> T3

            Unscheduled (2):
              T10  blocked                 status blocked
              T11  depends_on_unscheduled  waits on T10 (blocked)
            """);
  }

  @Test
  void textPointsToValidateWhenTheBlueprintHasErrors() {
    ValidationReport report =
        new ValidationReport("demo.bp.md", 5, List.of(Diagnostic.error("E_X", "bad", "T1", 3)));
    assertThat(PlanText.render(PLAN, report))
        .endsWith("\nThe blueprint has 1 error: run bp validate demo.bp.md for details.\n");
    assertThat(PlanText.render(PLAN, new ValidationReport("demo.bp.md", 5, List.of())))
        .isEqualTo(PlanText.render(PLAN));
  }

  @Test
  void textSaysSoWhenNothingCanBeScheduled() {
    Plan empty =
        Planner.plan(
            Blueprint.of(
                "x", ExecutionConfig.empty(), List.of(Task.builder("T1").dependsOn("T1").build())),
            PlanOptions.DEFAULT);
    assertThat(PlanText.render(empty))
        .contains("No task can be scheduled.\n")
        .contains("Critical path (length 0): none\n")
        .contains("  T1  in_cycle  depends on itself\n");
  }

  @Test
  void jsonCarriesTheSchemaVersionAndEveryField() throws Exception {
    JsonNode json = new ObjectMapper().readTree(JsonOutput.print(PlanJson.toJson(PLAN)));
    JsonNode expected =
        new ObjectMapper()
            .readTree(
                """
                {"schema_version": 1, "source": "demo.bp.md",
                 "waves": [["T1", "T2"], ["T3"]], "wave_count": 2,
                 "critical_path": ["T2", "T3"], "critical_path_length": 2.5, "max_width": 2,
                 "unscheduled": [
                   {"task_id": "T10", "reason": "blocked", "detail": "status blocked"},
                   {"task_id": "T11", "reason": "depends_on_unscheduled",
                    "detail": "waits on T10 (blocked)"}]}
                """);
    assertThat(json).isEqualTo(expected);
  }

  @Test
  void jsonWithAReportSaysWhetherTheBlueprintIsValid() {
    ValidationReport report =
        new ValidationReport(
            "demo.bp.md",
            5,
            List.of(
                Diagnostic.error("E_X", "bad", "T1", 3),
                Diagnostic.warning("W_Y", "meh", null, 0)));
    var json = PlanJson.toJson(PLAN, report);
    assertThat(json.get("valid").asBoolean()).isFalse();
    assertThat(json.get("task_count").asInt()).isEqualTo(5);
    assertThat(json.get("error_count").asInt()).isEqualTo(1);
  }

  @Test
  void wholeWeightsPrintWithoutADecimalPoint() {
    assertThat(JsonOutput.number(3.0)).isEqualTo("3");
    assertThat(JsonOutput.number(2.125)).isEqualTo("2.13");
    var node = JsonOutput.object();
    JsonOutput.putNumber(node, "n", 4.0);
    assertThat(node.get("n").isIntegralNumber()).isTrue();
  }
}
