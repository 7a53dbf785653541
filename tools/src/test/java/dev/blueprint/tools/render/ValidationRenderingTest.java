package dev.blueprint.tools.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blueprint.tools.blueprint.Diagnostic;
import dev.blueprint.tools.validate.ValidationReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationRenderingTest {

  private static final ValidationReport REPORT =
      new ValidationReport(
          "plan.bp.md",
          12,
          List.of(
              Diagnostic.error("E_CYCLE", "cycle T3 -> T4 -> T3", "T3", 40),
              Diagnostic.warning("W_NO_METADATA", "no metadata block", null, 0),
              Diagnostic.info("I_UNKNOWN_FIELD", "unknown field owner", "T1", 12)));

  @Test
  void textIsOneDiagnosticALineThenASummary() {
    assertThat(ValidationText.render(REPORT))
        .isEqualTo(
            """
            plan.bp.md:40: error E_CYCLE [T3] cycle T3 -> T4 -> T3
            plan.bp.md: warning W_NO_METADATA no metadata block
            plan.bp.md:12: info I_UNKNOWN_FIELD [T1] unknown field owner
            plan.bp.md: invalid: 1 error, 1 warning, 1 info in 12 tasks
            """);
  }

  @Test
  void aCleanReportIsOneSummaryLine() {
    assertThat(ValidationText.render(new ValidationReport("ok.json", 1, List.of())))
        .isEqualTo("ok.json: valid: 0 errors, 0 warnings, 0 infos in 1 task\n");
  }

  @Test
  void jsonListsEveryDiagnosticWithLowercaseSeverity() throws Exception {
    JsonNode json = new ObjectMapper().readTree(JsonOutput.print(ValidationJson.toJson(REPORT)));
    JsonNode expected =
        new ObjectMapper()
            .readTree(
                """
                {"schema_version": 1, "source": "plan.bp.md", "valid": false, "task_count": 12,
                 "error_count": 1, "warning_count": 1, "info_count": 1,
                 "diagnostics": [
                   {"severity": "error", "code": "E_CYCLE", "message": "cycle T3 -> T4 -> T3",
                    "task_id": "T3", "line": 40},
                   {"severity": "warning", "code": "W_NO_METADATA", "message": "no metadata block",
                    "task_id": null, "line": 0},
                   {"severity": "info", "code": "I_UNKNOWN_FIELD", "message": "unknown field owner",
                    "task_id": "T1", "line": 12}]}
                """);
    assertThat(json).isEqualTo(expected);
  }
}
