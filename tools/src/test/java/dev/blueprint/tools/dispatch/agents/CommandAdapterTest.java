package dev.blueprint.tools.dispatch.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blueprint.tools.blueprint.ExecutionConfig;
import dev.blueprint.tools.dispatch.process.ProcessRunner;
import dev.blueprint.tools.status.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command agent runs real bash in the workspace, as a CI step would. */
class CommandAdapterTest {
  @TempDir Path ws;
  private final AgentRunner runner = new AgentRunner(new ProcessRunner(), Clock.systemUTC());

  private AgentRun run(List<String> command, ShellConfig shell) {
    AgentRequest r =
        new AgentRequest(
            "T1",
            "$(touch " + ws.resolve("from-prompt") + ")",
            ws,
            null,
            Duration.ofSeconds(20),
            command,
            shell,
            List.of(),
            Map.of("GREETING", "hi"));
    return runner.run(new CommandAdapter(), r, ws.resolve(".logs"), "T1-1");
  }

  @Test
  void runsEachLineInTheWorkspaceAndIgnoresThePrompt() throws Exception {
    AgentRun run = run(List.of("echo \"$GREETING\" > out.txt", "echo done"), ShellConfig.DEFAULT);

    assertThat(run).isInstanceOf(AgentRun.Succeeded.class);
    assertThat(((AgentRun.Succeeded) run).result().summary()).isEqualTo("done");
    assertThat(Files.readString(ws.resolve("out.txt"))).isEqualTo("hi\n");
    assertThat(Files.exists(ws.resolve("from-prompt"))).isFalse();
  }

  @Test
  void stopsAtTheFirstFailingLineWithErrexit() {
    AgentRun run = run(List.of("echo one", "false", "touch reached"), ShellConfig.DEFAULT);

    assertThat(run).isInstanceOf(AgentRun.Failed.class);
    AgentRun.Failed f = (AgentRun.Failed) run;
    assertThat(f.error().code()).isEqualTo(ErrorCode.E_EXECUTION_FAILED);
    assertThat(f.error().details().exitCode()).isEqualTo(1);
    assertThat(Files.exists(ws.resolve("reached"))).isFalse();
  }

  @Test
  void pipefailMakesAFailingPipelineFail() {
    assertThat(run(List.of("false | true"), ShellConfig.DEFAULT))
        .isInstanceOf(AgentRun.Failed.class);
    assertThat(run(List.of("false | true"), new ShellConfig("bash", List.of())))
        .isInstanceOf(AgentRun.Succeeded.class);
  }

  @Test
  void usesTheBlueprintShellAndFlags() {
    ExecutionConfig exec =
        new ExecutionConfig("sh", List.of("-e"), null, List.of(), List.of(), null, null, 0);
    assertThat(ShellConfig.of(exec).argv("x")).containsExactly("sh", "-e", "-c", "x");
    assertThat(ShellConfig.of(ExecutionConfig.empty()).argv("x"))
        .containsExactly("bash", "-e", "-o", "pipefail", "-c", "x");
  }

  @Test
  void aTaskWithoutACommandIsASetupFailure() {
    AgentRun run = run(List.of(), ShellConfig.DEFAULT);
    assertThat(((AgentRun.Failed) run).error().code()).isEqualTo(ErrorCode.E_SETUP_FAILED);
  }
}
