package dev.blueprint.tools.dispatch.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blueprint.tools.blueprint.Task;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Task text full of shell syntax reaches fake agents byte for byte, on stdin and as an argv
 * element, and nothing in it is ever run.
 */
class HostilePromptWithFakeCliTest {
  @TempDir Path root;
  private FakeAgentHarness h;
  private Path canary;
  private String prompt;

  @BeforeEach
  void setUp() throws Exception {
    h = new FakeAgentHarness(root);
    canary = root.resolve("pwned");
    String hostile =
        "Quote ' and \" then $(touch "
            + canary
            + ") and `touch "
            + canary
            + "` ; touch "
            + canary
            + " && echo $HOME\nnew line\r\n\ttab \\ backslash $((1+1)) ${PATH} é ✓ \u0001";
    Task task =
        Task.builder("T9")
            .name(hostile)
            .acceptanceCriterion("$(rm -rf " + root.resolve("workspace") + ")")
            .description(hostile)
            .build();
    prompt = PromptBuilder.build(task, Map.of());
  }

  @Test
  void reachesClaudeOnStdinByteIdentical() throws Exception {
    AgentRun run = h.run("claude", h.request(prompt, null, Duration.ofSeconds(30), h.env("ok")));

    assertThat(run).isInstanceOf(AgentRun.Succeeded.class);
    assertThat(h.recordedStdin()).isEqualTo(prompt.getBytes(StandardCharsets.UTF_8));
    assertThat(Files.exists(canary)).isFalse();
    assertThat(Files.isDirectory(h.workspace)).isTrue();
  }

  @Test
  void reachesGeminiAsOneArgvElementByteIdentical() throws Exception {
    AgentRun run = h.run("gemini", h.request(prompt, null, Duration.ofSeconds(30), h.env("ok")));

    assertThat(run).isInstanceOf(AgentRun.Succeeded.class);
    assertThat(h.recordedArgv()).last().isEqualTo(prompt);
    assertThat(Files.exists(canary)).isFalse();
  }

  @Test
  void reachesAiderAsTheMessageArgumentByteIdentical() throws Exception {
    h.run("aider", h.request(prompt, null, Duration.ofSeconds(30), h.env("ok")));

    assertThat(h.recordedArgv().get(2)).isEqualTo(prompt);
    assertThat(Files.exists(canary)).isFalse();
  }
}
