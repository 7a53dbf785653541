package dev.blueprint.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blueprint.tools.blueprint.Diagnostic;
import dev.blueprint.tools.plan.Plan;
import dev.blueprint.tools.plan.Unscheduled;
import dev.blueprint.tools.validate.ValidationReport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The text and JSON the tools answer with, compared whole. */
class ToolViewsTest {
  @Test
  void validationTextSummarisesThenListsEachDiagnostic() {
    ValidationReport report =
        new ValidationReport(
            "a.bp.md",
            2,
            List.of(
                Diagnostic.error("E_CYCLE", "cycle: T1 -> T2 -> T1", "T1", 12),
                Diagnostic.warning("W_NO_METADATA", "no metadata block", null, 0)));
    assertThat(ValidationView.text(report))
        .isEqualTo(
            "invalid: a.bp.md, 2 tasks, 1 errors, 1 warnings\n"
                + "error E_CYCLE line 12 [T1]: cycle: T1 -> T2 -> T1\n"
                + "warning W_NO_METADATA: no metadata block");
    Map<String, Object> json = ValidationView.json(report);
    assertThat(json)
        .containsEntry("schema_version", 1)
        .containsEntry("valid", false)
        .containsEntry("error_count", 1L)
        .containsEntry("warning_count", 1L)
        .containsEntry("info_count", 0L);
    assertThat(json.get("diagnostics").toString())
        .isEqualTo(
            "[{severity=error, code=E_CYCLE, message=cycle: T1 -> T2 -> T1, task_id=T1, line=12},"
                + " {severity=warning, code=W_NO_METADATA, message=no metadata block,"
                + " task_id=null, line=0}]");
  }

  @Test
  void planTextShowsWavesCriticalPathAndWhatWillNotRun() {
    Plan plan =
        new Plan(
            "a.bp.md",
            List.of(List.of("T1", "T2"), List.of("T3")),
            List.of("T1", "T3"),
            2.0,
            2,
            List.of(new Unscheduled("T4", "human_required", "needs approval")));
    assertThat(PlanView.text(plan))
        .isEqualTo(
            "plan: a.bp.md, 2 waves, max width 2\n"
                + "wave 1: T1 T2\n"
                + "wave 2: T3\n"
                + "critical path (2): T1 -> T3\n"
                + "not run: T4 (human_required: needs approval)");
    assertThat(PlanView.json(plan).toString())
        .isEqualTo(
            "{schema_version=1, source=a.bp.md, waves=[[T1, T2], [T3]], wave_count=2, critical_path=[T1, T3],"
                + " critical_path_length=2, max_width=2, unscheduled=[{task_id=T4,"
                + " reason=human_required, detail=needs approval}]}");
  }
}
