package dev.blueprint.tools.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blueprint.tools.status.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AgentBreakersTest {
  private final TestClock clock = new TestClock(Instant.parse("2026-11-21T10:00:00Z"));
  private final AgentBreakers breakers = new AgentBreakers(5, 3, Duration.ofMinutes(5), clock);

  @Test
  void stopsSendingWorkToAnAgentThatKeepsFailingAndSaysSo() {
    for (int i = 0; i < 3; i++) {
      assertThat(breakers.allows("codex")).isTrue();
      breakers.recordFailure("codex", Duration.ofSeconds(1), "exit 1");
    }

    assertThat(breakers.allows("codex")).isFalse();
    assertThat(breakers.whyRefused("codex"))
        .contains("agent codex is paused: 3 of its last 3 attempts failed");
    assertThat(breakers.allows("claude")).isTrue();
    assertThat(breakers.whyRefused("claude")).isEmpty();
  }

  @Test
  void letsOneProbeThroughAfterTheCooldownAndClosesOnSuccess() {
    for (int i = 0; i < 3; i++) {
      breakers.allows("gemini");
      breakers.recordFailure("gemini", Duration.ofSeconds(1), "timeout");
    }
    clock.advance(Duration.ofMinutes(5).plusSeconds(1));

    assertThat(breakers.allows("gemini")).isTrue();
    assertThat(breakers.allows("gemini")).isFalse();
    breakers.recordSuccess("gemini", Duration.ofSeconds(1));
    assertThat(breakers.allows("gemini")).isTrue();
  }

  @Test
  void occasionalFailuresDoNotOpenIt() {
    for (int i = 0; i < 10; i++) {
      assertThat(breakers.allows("aider")).isTrue();
      if (i % 3 == 0) {
        breakers.recordFailure("aider", Duration.ofSeconds(1), "flaky");
      } else {
        breakers.recordSuccess("aider", Duration.ofSeconds(1));
      }
    }
    assertThat(breakers.whyRefused("aider")).isEmpty();
  }

  @Test
  void byDefaultScriptedTasksNeverPauseTheCommandFamily() {
    AgentBreakers defaults = AgentBreakers.defaults(clock);
    for (int i = 0; i < 20; i++) {
      assertThat(defaults.allows("command")).isTrue();
      defaults.recordFailure("command", Duration.ofSeconds(1), "exit 1");
    }
    assertThat(defaults.allows("command")).isTrue();
    assertThat(defaults.whyRefused("command")).isEmpty();

    // the other families keep their breaker
    for (int i = 0; i < 3; i++) {
      defaults.allows("claude");
      defaults.recordFailure("claude", Duration.ofSeconds(1), "exit 1");
    }
    assertThat(defaults.allows("claude")).isFalse();
    assertThat(defaults.whyRefused("claude")).isPresent();
  }

  @Test
  void anExplicitConfigurationWithoutExemptionsAppliesToCommandToo() {
    for (int i = 0; i < 3; i++) {
      breakers.allows("command");
      breakers.recordFailure("command", Duration.ofSeconds(1), "exit 1");
    }
    assertThat(breakers.allows("command")).isFalse();
  }
}
