package dev.blueprint.tools.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blueprint.tools.blueprint.Task;
import dev.blueprint.tools.blueprint.TestTier;
import dev.blueprint.tools.blueprint.VerificationStep;
import dev.blueprint.tools.dispatch.agents.ShellConfig;
import dev.blueprint.tools.dispatch.process.ProcessRunner;
import dev.blueprint.tools.status.ErrorCode;
import dev.blueprint.tools.status.Phase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verification tiers run for real in bash in a workspace folder. */
class VerificationRunnerTest {
  @TempDir Path ws;
  private final VerificationRunner runner =
      new VerificationRunner(new ProcessRunner(), ShellConfig.DEFAULT, Clock.systemUTC());

  private static VerificationStep step(
      TestTier tier, String cmd, String timeout, boolean optional) {
    return new VerificationStep(tier, cmd, timeout, List.of(), optional, 0, 0);
  }

  @Test
  void runsTiersInOrderWithTheLegacyTestCommandAsUnit() throws Exception {
    Task task =
        Task.builder("T1")
            .verification(step(TestTier.INTEGRATION, "echo integration >> order", null, false))
            .verification(step(TestTier.SMOKE, "echo smoke >> order", null, false))
            .testCommand("echo unit >> order")
            .build();

    VerificationOutcome out = runner.verify(task, ws, ws.resolve(".logs"), Map.of());

    assertThat(out.passed()).isTrue();
    assertThat(Files.readAllLines(ws.resolve("order")))
        .containsExactly("smoke", "unit", "integration");
    assertThat(out.steps())
        .extracting(VerificationOutcome.Step::tier)
        .containsExactly(TestTier.SMOKE, TestTier.UNIT, TestTier.INTEGRATION);
  }

  @Test
  void theFirstRequiredFailureStopsWithCappedOutput() {
    Task task =
        Task.builder("T2")
            .verification(
                step(TestTier.SMOKE, "echo checking; echo broken >&2; exit 4", null, false))
            .verification(step(TestTier.UNIT, "touch should-not-run", null, false))
            .build();

    VerificationOutcome out = runner.verify(task, ws, ws.resolve(".logs"), Map.of());

    assertThat(out.passed()).isFalse();
    var e = out.failure().orElseThrow();
    assertThat(e.code()).isEqualTo(ErrorCode.E_VERIFICATION_FAILED);
    assertThat(e.phase()).isEqualTo(Phase.VERIFICATION);
    assertThat(e.message())
        .isEqualTo("smoke verification failed: `echo checking; echo broken >&2; exit 4` exited 4");
    assertThat(e.details().stdout()).isEqualTo("checking\n");
    assertThat(e.details().stderr()).isEqualTo("broken\n");
    assertThat(Files.exists(ws.resolve("should-not-run"))).isFalse();
  }

  @Test
  void anOptionalFailureIsRecordedButDoesNotFail() {
    Task task =
        Task.builder("T3")
            .verification(step(TestTier.E2E, "exit 1", null, true))
            .verification(step(TestTier.UNIT, "true", null, false))
            .build();

    VerificationOutcome out = runner.verify(task, ws, ws.resolve(".logs"), Map.of());

    assertThat(out.passed()).isTrue();
    assertThat(out.steps())
        .extracting(VerificationOutcome.Step::passed)
        .containsExactly(true, false);
  }

  @Test
  void aTierThatOutlivesItsTimeoutFails() {
    Task task =
        Task.builder("T4").verification(step(TestTier.UNIT, "sleep 30", "1", false)).build();

    VerificationOutcome out = runner.verify(task, ws, ws.resolve(".logs"), Map.of());

    assertThat(out.failure().orElseThrow().message())
        .isEqualTo("unit verification timed out after PT1S: `sleep 30`");
  }

  @Test
  void aTaskWithoutVerificationIsEmpty() {
    assertThat(runner.verify(Task.builder("T5").build(), ws, ws.resolve(".logs"), Map.of()).empty())
        .isTrue();
  }
}
