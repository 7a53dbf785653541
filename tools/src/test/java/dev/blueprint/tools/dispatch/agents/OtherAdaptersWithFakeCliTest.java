package dev.blueprint.tools.dispatch.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blueprint.tools.status.ErrorCode;
import dev.blueprint.tools.status.TokenUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** codex, gemini, aider and grok adapters against fake CLIs speaking each one's output format. */
class OtherAdaptersWithFakeCliTest {
  @TempDir Path root;
  private FakeAgentHarness h;

  @BeforeEach
  void setUp() throws Exception {
    h = new FakeAgentHarness(root);
  }

  private String bin(String name) {
    return root.resolve("bin").resolve(name).toString();
  }

  @Test
  void codexReadsJsonlUsageThreadIdAndLastAgentMessage() throws Exception {
    AgentRun run =
        h.run("codex", h.request("Do it", "gpt-5-codex", Duration.ofSeconds(30), h.env("ok")));

    AgentResult r = ((AgentRun.Succeeded) run).result();
    assertThat(r.summary()).isEqualTo("Done: edited hello.txt.");
    assertThat(r.tokens()).isEqualTo(new TokenUsage(315, 122, 24448, 0));
    assertThat(r.sessionId()).isEqualTo("0199a213-81c0-7800-8aa1-bbab2a035a53");
    assertThat(r.costUsd()).isNull();
    assertThat(h.recordedArgv())
        .containsExactly(
            bin("codex"), "exec", "--json", "--full-auto", "--model", "gpt-5-codex", "-");
    assertThat(new String(h.recordedStdin(), StandardCharsets.UTF_8)).isEqualTo("Do it");
  }

  @Test
  void codexTurnFailedBecomesTheErrorMessage() {
    AgentRun run = h.run("codex", h.request("Do it", null, Duration.ofSeconds(30), h.env("fail")));

    AgentRun.Failed f = (AgentRun.Failed) run;
    assertThat(f.error().code()).isEqualTo(ErrorCode.E_EXECUTION_FAILED);
    assertThat(f.error().message()).contains("exceeded retry limit, last status: 429");
  }

  @Test
  void geminiGetsThePromptAsOneArgvElementAndReportsPerModelTokens() throws Exception {
    AgentRun run =
        h.run(
            "gemini",
            h.request("Make\nhello.txt", "gemini-2.5-pro", Duration.ofSeconds(30), h.env("ok")));

    AgentResult r = ((AgentRun.Succeeded) run).result();
    assertThat(r.summary()).isEqualTo("I created hello.txt.");
    assertThat(r.tokens()).isEqualTo(new TokenUsage(24939 - 21263, 20 + 154, 21263, 0));
    assertThat(r.sessionId()).isEqualTo("5b6f2a1e-gem");
    assertThat(h.recordedArgv())
        .containsExactly(
            bin("gemini"),
            "--output-format",
            "json",
            "--yolo",
            "--model",
            "gemini-2.5-pro",
            "--prompt",
            "Make\nhello.txt");
  }

  @Test
  void geminiErrorObjectFailsTheAttempt() {
    AgentRun.Failed f =
        (AgentRun.Failed)
            h.run("gemini", h.request("x", null, Duration.ofSeconds(30), h.env("fail")));
    assertThat(f.error().message())
        .isEqualTo("gemini failed (exit 53): Reached max session turns for this session.");
  }

  @Test
  void aiderRunsInMessageModeWithoutAutoCommitsAndReadsItsTokenLine() throws Exception {
    AgentRun run =
        h.run("aider", h.request("Edit it", "sonnet", Duration.ofSeconds(30), h.env("ok")));

    AgentResult r = ((AgentRun.Succeeded) run).result();
    assertThat(r.tokens()).isEqualTo(new TokenUsage(2300, 150, 0, 1100));
    assertThat(r.costUsd()).isEqualTo(0.02);
    assertThat(h.recordedArgv())
        .containsExactly(
            bin("aider"),
            "--message",
            "Edit it",
            "--yes",
            "--no-auto-commits",
            "--no-stream",
            "--model",
            "sonnet",
            "hello.txt");
    assertThat(Files.readString(h.workspace.resolve("hello.txt"))).isEqualTo("edited by aider\n");
  }

  @Test
  void aiderFailureCarriesItsStderr() {
    AgentRun.Failed f =
        (AgentRun.Failed)
            h.run("aider", h.request("x", null, Duration.ofSeconds(30), h.env("fail")));
    assertThat(f.error().message()).contains("AuthenticationError");
    assertThat(f.error().details().stderr()).contains("invalid x-api-key");
  }

  @Test
  void grokReadsItsTextEventAndSession() throws Exception {
    AgentRun run = h.run("grok", h.request("Rename", null, Duration.ofSeconds(30), h.env("ok")));

    AgentResult r = ((AgentRun.Succeeded) run).result();
    assertThat(r.summary()).isEqualTo("Renamed foo to bar.");
    assertThat(r.sessionId()).isEqualTo("ses_abc123");
    assertThat(h.recordedArgv()).isEqualTo(List.of(bin("grok"), "--prompt", "Rename"));
  }

  @Test
  void grokErrorEventFailsTheAttempt() {
    AgentRun.Failed f =
        (AgentRun.Failed)
            h.run("grok", h.request("x", null, Duration.ofSeconds(30), h.env("fail")));
    assertThat(f.error().message()).isEqualTo("grok failed (exit 1): missing API key");
  }

  @Test
  void aMissingAgentCliIsAnExecutionFailureNotACrash() {
    AgentCatalog catalog = AgentCatalog.standard(java.util.Map.of("claude", "/nowhere/claude"));
    AgentRun run =
        h.runner.run(
            catalog.find("claude").orElseThrow(),
            h.request("x", null, Duration.ofSeconds(5), h.env("ok")),
            h.logs,
            "T1-1");
    AgentRun.Failed f = (AgentRun.Failed) run;
    assertThat(f.error().code()).isEqualTo(ErrorCode.E_EXECUTION_FAILED);
    assertThat(f.error().message()).contains("/nowhere/claude");
  }

  @Test
  void codexSkipsAHugeNonEventLineAndStillReadsItsEvents() {
    AgentRun run =
        h.run("codex", h.request("Do it", null, Duration.ofSeconds(60), h.env("flood-stdout")));

    AgentResult r = ((AgentRun.Succeeded) run).result();
    assertThat(r.summary()).isEqualTo("Done: edited hello.txt.");
    assertThat(r.sessionId()).isEqualTo("0199a213-81c0-7800-8aa1-bbab2a035a53");
  }
}
