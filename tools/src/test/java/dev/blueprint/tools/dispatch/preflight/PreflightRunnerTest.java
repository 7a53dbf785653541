package dev.blueprint.tools.dispatch.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blueprint.tools.blueprint.PreflightCheck;
import dev.blueprint.tools.dispatch.agents.ShellConfig;
import dev.blueprint.tools.dispatch.process.ProcessRunner;
import dev.blueprint.tools.status.BsfError;
import dev.blueprint.tools.status.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreflightRunnerTest {
  @TempDir Path repo;

  @Test
  void runsEveryCheckInTheRepoAndReportsEachFailureWithItsMessage() throws Exception {
    Files.writeString(repo.resolve("present.txt"), "x");
    List<PreflightCheck> checks =
        List.of(
            new PreflightCheck("test -f present.txt", 0, "present.txt required", 1),
            new PreflightCheck("test -f missing.txt", 0, "AWS credentials not configured", 2),
            new PreflightCheck("echo \"$STAGE\"; exit 3", 3, "exit 3 expected", 3),
            new PreflightCheck("echo to-stderr >&2; exit 1", 0, null, 4));

    List<BsfError> failures =
        new PreflightRunner(new ProcessRunner(), ShellConfig.DEFAULT, Clock.systemUTC())
            .run(checks, repo, repo.resolve(".logs"), Map.of("STAGE", "test"));

    assertThat(failures).hasSize(2);
    assertThat(failures).extracting(BsfError::code).containsOnly(ErrorCode.E_PREFLIGHT_FAILED);
    assertThat(failures.get(0).message())
        .isEqualTo("AWS credentials not configured (`test -f missing.txt` exited 1, expected 0)");
    assertThat(failures.get(1).message())
        .isEqualTo(
            "preflight check failed: echo to-stderr >&2; exit 1 (`echo to-stderr >&2; exit 1` exited 1, expected 0)");
    assertThat(failures.get(1).details().stderr()).isEqualTo("to-stderr\n");
    assertThat(failures.get(1).taskId()).isNull();
  }
}
