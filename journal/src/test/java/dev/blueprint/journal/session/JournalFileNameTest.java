package dev.blueprint.journal.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class JournalFileNameTest {

  @Test
  void namesAJournalByDateThreeDigitSequenceAndAgentSlug() {
    assertThat(JournalFileName.of(LocalDate.of(2026, 1, 12), 4, "Claude Opus 4.5"))
        .isEqualTo("2026-01-12-004-claude-opus-4.5.md");
    assertThat(JournalFileName.of(LocalDate.of(2026, 1, 12), 12, "../../etc"))
        .isEqualTo("2026-01-12-012-etc.md");
    assertThat(JournalFileName.of(LocalDate.of(2026, 1, 12), 1, "///"))
        .isEqualTo("2026-01-12-001-agent.md");
  }

  @Test
  void parsesBlueprintAndHandChosenNames() {
    assertThat(JournalFileName.parse("2026-01-13-008-FINAL.md"))
        .contains(new JournalFileName(LocalDate.of(2026, 1, 13), 8, "FINAL"));
    assertThat(JournalFileName.parse("2026-01-02-outpost-mvp.md"))
        .contains(new JournalFileName(LocalDate.of(2026, 1, 2), 0, "outpost-mvp"));
    assertThat(JournalFileName.parse("2026-13-40-001-x.md")).isEmpty();
    assertThat(JournalFileName.parse("notes.md")).isEmpty();
  }

  @Test
  void readsStatusWordsAsPeopleWriteThem() {
    assertThat(JournalStatus.parse("✅ COMPLETE (100%)")).contains(JournalStatus.COMPLETE);
    assertThat(JournalStatus.parse("In progress")).contains(JournalStatus.ACTIVE);
    assertThat(JournalStatus.parse("checkpoint 3")).contains(JournalStatus.CHECKPOINT);
    assertThat(JournalStatus.parse("Aborted by user")).contains(JournalStatus.ABANDONED);
    assertThat(JournalStatus.parse("GA (Production/Stable)")).isEmpty();
    assertThat(JournalStatus.parse(null)).isEmpty();
  }
}
