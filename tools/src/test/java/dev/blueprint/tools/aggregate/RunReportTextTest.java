package dev.blueprint.tools.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blueprint.tools.status.BsfError;
import dev.blueprint.tools.status.ErrorCode;
import dev.blueprint.tools.status.ErrorDetails;
import dev.blueprint.tools.status.Phase;
import dev.blueprint.tools.status.RunState;
import dev.blueprint.tools.status.StatusJson;
import dev.blueprint.tools.status.TaskState;
import dev.blueprint.tools.status.TokenUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunReportTextTest {
  private static final Instant T0 = Instant.parse("2026-11-21T20:00:00Z");

  private static RunReport failedRun() {
    BsfError timeout =
        BsfError.of(ErrorCode.E_TIMEOUT, "timed out after PT1S", "T2", Phase.EXECUTION, T0)
            .withDetails(ErrorDetails.of(null, "", "", Duration.ofSeconds(1)));
    BsfError gate =
        BsfError.of(
                ErrorCode.E_VERIFICATION_FAILED,
                "smoke failed: grep -q ok out.txt",
                "T3",
                Phase.VERIFICATION,
                T0)
            .withDetails(ErrorDetails.of(1, "", "", Duration.ofMillis(20)));
    BsfError blocked =
        BsfError.of(
            ErrorCode.E_DEPENDENCY_MISSING,
            "blocked: a task it depends on did not land",
            "T4",
            Phase.EXECUTION,
            T0);
    return new RunReport(
        1,
        "01RUN",
        "demo.bp.md",
        "main",
        RunState.FAILED,
        false,
        T0,
        T0.plusMillis(12_340),
        12_340L,
        4,
        1,
        Map.of(TaskState.LANDED, 1, TaskState.TIMED_OUT, 1, TaskState.FAILED, 1),
        List.of(
            new RunReport.Problem("T2", TaskState.TIMED_OUT, 1, timeout),
            new RunReport.Problem("T3", TaskState.FAILED, 2, gate),
            new RunReport.Problem("T4", TaskState.BLOCKED, 0, blocked)),
        List.of(),
        List.of(
            new RunReport.AgentUsage("claude", 2, 0.25, new TokenUsage(100, 20, 5, 0)),
            new RunReport.AgentUsage("command", 2, null, TokenUsage.NONE)),
        0.25,
        new TokenUsage(100, 20, 5, 0),
        List.of(new RunReport.LandedCommit("0123456789abcdef0123", "T1: Write it", "T1")));
  }

  @Test
  void rendersEveryProblemWithItsErrorThenCostsThenCommits() {
    assertThat(RunReportText.render(failedRun()))
        .isEqualTo(
            """
            run 01RUN: failed (NOT successful)
            blueprint demo.bp.md onto main, took 12.3 s
            1 of 4 tasks landed

            problems (3):
              T2 timed_out after 1 attempt
                E_TIMEOUT (execution): timed out after PT1S
              T3 failed after 2 attempts
                E_VERIFICATION_FAILED (verification): smoke failed: grep -q ok out.txt
                exit code 1
              T4 blocked after 0 attempts
                E_DEPENDENCY_MISSING (execution): blocked: a task it depends on did not land

            agents:
              claude: 2 attempts, $0.2500, 125 tokens (100 in, 20 out, 5 cache read, 0 cache write)
              command: 2 attempts, cost not reported, 0 tokens (0 in, 0 out, 0 cache read, 0 cache write)
              total: $0.2500, 125 tokens (100 in, 20 out, 5 cache read, 0 cache write)

            commits landed (1):
              0123456789ab T1: Write it
            """);
  }

  @Test
  void jsonHasSchemaVersionSnakeCaseKeysAndEveryErrorObject() throws Exception {
    var json = StatusJson.mapper().readTree(StatusJson.write(failedRun()));
    assertThat(json.get("schema_version").asInt()).isEqualTo(1);
    assertThat(json.get("successful").asBoolean()).isFalse();
    assertThat(json.at("/problems/0/error/code").asText()).isEqualTo("E_TIMEOUT");
    assertThat(json.at("/problems/1/state").asText()).isEqualTo("failed");
    assertThat(json.at("/problems/1/error/details/exit_code").asInt()).isEqualTo(1);
    assertThat(json.at("/agents/0/cost_usd").asDouble()).isEqualTo(0.25);
    assertThat(json.at("/commits/0/task_id").asText()).isEqualTo("T1");
    assertThat(StatusJson.read(StatusJson.write(failedRun()), RunReport.class))
        .isEqualTo(failedRun());
  }
}
