package dev.blueprint.tools.dispatch.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blueprint.tools.status.ErrorCode;
import dev.blueprint.tools.status.TokenUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The claude adapter against a fake claude CLI that prints Claude Code's real JSON result. */
class ClaudeAdapterWithFakeCliTest {
  @TempDir Path root;
  private FakeAgentHarness h;

  @BeforeEach
  void setUp() throws Exception {
    h = new FakeAgentHarness(root);
  }

  @Test
  void readsResultCostTokensAndSessionAndPassesThePromptOnStdin() throws Exception {
    AgentRun run =
        h.run(
            "claude",
            h.request("Write hello.txt", "claude-sonnet-4-5", Duration.ofSeconds(30), h.env("ok")));

    assertThat(run).isInstanceOf(AgentRun.Succeeded.class);
    AgentResult r = ((AgentRun.Succeeded) run).result();
    assertThat(r.summary()).isEqualTo("Created hello.txt as asked.");
    assertThat(r.costUsd()).isEqualTo(0.0079825);
    assertThat(r.tokens()).isEqualTo(new TokenUsage(3, 6, 15635, 1200));
    assertThat(r.sessionId()).isEqualTo("0e639165-79b1-4bd4-bb0f-4cb4c15115d4");
    assertThat(r.turns()).isEqualTo(3);
    assertThat(h.recordedArgv())
        .containsExactly(
            root.resolve("bin/claude").toString(),
            "-p",
            "--output-format",
            "json",
            "--permission-mode",
            "acceptEdits",
            "--model",
            "claude-sonnet-4-5");
    assertThat(new String(h.recordedStdin(), StandardCharsets.UTF_8)).isEqualTo("Write hello.txt");
    assertThat(Files.readString(h.workspace.resolve("hello.txt"))).isEqualTo("edited by claude\n");
  }

  @Test
  void reportsIsErrorAsExecutionFailureWithCapturedOutput() {
    AgentRun run = h.run("claude", h.request("x", null, Duration.ofSeconds(30), h.env("fail")));

    assertThat(run).isInstanceOf(AgentRun.Failed.class);
    AgentRun.Failed f = (AgentRun.Failed) run;
    assertThat(f.error().code()).isEqualTo(ErrorCode.E_EXECUTION_FAILED);
    assertThat(f.error().message()).isEqualTo("claude failed (exit 1): Could not apply the edit");
    assertThat(f.error().taskId()).isEqualTo("T1");
    assertThat(f.error().timestamp()).isEqualTo(FakeAgentHarness.NOW);
    assertThat(f.error().details().exitCode()).isEqualTo(1);
    assertThat(f.error().details().stdout()).contains("\"is_error\":true");
    assertThat(f.result().costUsd()).isEqualTo(0.0042);
  }

  @Test
  void treatsOutputWithoutAResultObjectAsFailureEvenOnExitZero() {
    AgentRun run = h.run("claude", h.request("x", null, Duration.ofSeconds(30), h.env("garbage")));

    assertThat(run).isInstanceOf(AgentRun.Failed.class);
    assertThat(((AgentRun.Failed) run).error().message())
        .contains("printed no JSON result object")
        .contains("Invalid API key");
  }

  @Test
  void timesOutAHangingAgentAndKillsWhatItStarted() throws Exception {
    AgentRun run = h.run("claude", h.request("x", null, Duration.ofMillis(800), h.env("hang")));

    assertThat(run).isInstanceOf(AgentRun.Failed.class);
    AgentRun.Failed f = (AgentRun.Failed) run;
    assertThat(f.error().code()).isEqualTo(ErrorCode.E_TIMEOUT);
    assertThat(f.error().details().exitCode()).isNull();
    assertThat(h.grandchildAlive()).isFalse();
  }

  @Test
  void survivesAFloodOnStderrAndStillReadsTheResult() {
    AgentRun run = h.run("claude", h.request("x", null, Duration.ofSeconds(60), h.env("flood")));

    assertThat(run).isInstanceOf(AgentRun.Succeeded.class);
    AgentRun.Succeeded s = (AgentRun.Succeeded) run;
    assertThat(s.output().stderrBytes()).isEqualTo(20_000_000L);
    assertThat(s.output().stderrTail()).hasSize(10 * 1024);
    assertThat(s.result().costUsd()).isEqualTo(0.0079825);
  }

  @Test
  void findsTheResultAfterAFloodOnStdoutWithoutReadingItAll() {
    AgentRun run =
        h.run("claude", h.request("x", null, Duration.ofSeconds(60), h.env("flood-stdout")));

    assertThat(run).isInstanceOf(AgentRun.Succeeded.class);
    AgentRun.Succeeded s = (AgentRun.Succeeded) run;
    assertThat(s.output().stdoutBytes()).isGreaterThan(20_000_000L);
    assertThat(s.result().sessionId()).isEqualTo("0e639165-79b1-4bd4-bb0f-4cb4c15115d4");
  }
}
