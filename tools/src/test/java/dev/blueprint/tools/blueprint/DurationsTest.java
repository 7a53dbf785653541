package dev.blueprint.tools.blueprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
  @Test
  void readsIsoSecondsAndShorthandButOnlyIsoAndSecondsAreStandard() {
    assertThat(Durations.parse("PT2M")).contains(Duration.ofMinutes(2));
    assertThat(Durations.parse("300")).contains(Duration.ofSeconds(300));
    assertThat(Durations.parse("24h")).contains(Duration.ofHours(24));
    assertThat(Durations.parse("soon")).isEmpty();
    assertThat(Durations.isStandard("PT24H")).isTrue();
    assertThat(Durations.isStandard("45s")).isTrue();
    assertThat(Durations.isStandard("24h")).isFalse();
  }
}
