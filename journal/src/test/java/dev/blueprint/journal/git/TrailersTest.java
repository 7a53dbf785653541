package dev.blueprint.journal.git;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrailersTest {
  @Test
  void appendsOnlyKnownTrailersInFixedOrderAfterABlankLine() {
    Trailers t = new Trailers("01RUN", "T3", "claude", null);
    assertThat(t.appendTo("Add parser\n\nBody text.\n"))
        .isEqualTo(
            "Add parser\n\nBody text.\n\nBlueprint-Run: 01RUN\nBlueprint-Task: T3\nAgent: claude\n");
    assertThat(Trailers.NONE.appendTo("Just a subject")).isEqualTo("Just a subject\n");
  }
}
