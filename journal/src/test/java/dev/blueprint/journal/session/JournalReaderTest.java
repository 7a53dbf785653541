package dev.blueprint.journal.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Reads the hand-written journals in test resources, copied from real projects. */
class JournalReaderTest {

  private final JournalReader reader = new JournalReader();

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(JournalReaderTest.class.getResource("/journals/" + name).toURI());
  }

  @Test
  void readsEveryFixtureJournalWithoutProblemsAndFindsATitle() throws Exception {
    Path folder = fixture("2026-01-08-session-boot.md").getParent();
    List<Path> files;
    try (Stream<Path> s = Files.list(folder)) {
      files = s.sorted().toList();
    }
    assertThat(files).hasSize(11);
    for (Path f : files) {
      JournalDocument doc = reader.read(f);
      assertThat(doc.problems()).as(f.toString()).isEmpty();
      assertThat(doc.title()).as(f.toString()).isNotBlank();
      assertThat(doc.sections()).as(f.toString()).isNotEmpty();
    }
  }

  @Test
  void keepsUnknownFrontMatterKeysAndReadsKnownOnes() throws Exception {
    JournalDocument doc = reader.read(fixture("2026-01-12-004-claude-opus.md"));
    assertThat(doc.frontMatter())
        .containsEntry("blueprint_executable_progress", "65/102 (64%)")
        .containsEntry("instance", "claude-opus-4.5");
    assertThat(doc.sessionId()).contains("2026-01-12-004");
    assertThat(doc.status()).contains(JournalStatus.COMPLETE);
    assertThat(doc.date()).contains(LocalDate.of(2026, 1, 12));
    assertThat(doc.sequence()).isEqualTo(4);
    assertThat(doc.agent()).contains("Claude Opus 4.5");
    assertThat(doc.title()).isEqualTo("Session 004: Blueprint T2-T8 Parallel Execution");
  }

  @Test
  void readsStatusAndDateFromBoldLinesWhenThereIsNoFrontMatter() throws Exception {
    JournalDocument doc = reader.read(fixture("2026-01-08-session-boot.md"));
    assertThat(doc.frontMatter()).isEmpty();
    assertThat(doc.statusText()).isEqualTo("COMPLETE");
    assertThat(doc.status()).contains(JournalStatus.COMPLETE);
    assertThat(doc.date()).contains(LocalDate.of(2026, 1, 8));
    assertThat(doc.sequence()).isZero();
    assertThat(doc.sections())
        .containsKeys("Session Summary", "Work Completed", "Next Action Primer");
  }

  @Test
  void takesTheStatusFromTheFileNameWhenTheTextHasNone() throws Exception {
    assertThat(reader.read(fixture("2026-01-13-008-checkpoint.md")).status())
        .contains(JournalStatus.CHECKPOINT);
    assertThat(reader.read(fixture("2026-01-13-008-FINAL.md")).status())
        .contains(JournalStatus.COMPLETE);
  }

  @Test
  void readsTheDateFromADateLineWhenNeitherFrontMatterNorFileNameHasOne() throws Exception {
    JournalDocument doc = reader.read(fixture("seed-002_3e5f7a4baa34676d.md"));
    assertThat(doc.date()).contains(LocalDate.of(2025, 10, 22));
    assertThat(doc.status()).contains(JournalStatus.COMPLETE);
    JournalDocument metadataOnly = reader.read(fixture("seed-004_634999c637ad518a.md"));
    assertThat(metadataOnly.date()).contains(LocalDate.of(2025, 12, 17));
    assertThat(metadataOnly.status()).contains(JournalStatus.COMPLETE);
  }

  @Test
  void readsAHandoffBlockOfAnyYamlShapeUnderAHandoffHeading() throws Exception {
    JournalDocument doc = reader.read(fixture("seed-000_800693af9765caaa.md"));
    assertThat(doc.handoff()).containsEntry("project", "Blueprint");
    assertThat(doc.handoff().get("next_action_primer").toString())
        .startsWith("Blueprint v1.0.0 GA");
    @SuppressWarnings("unchecked")
    Map<String, Object> resume = (Map<String, Object>) doc.handoff().get("resume_context");
    assertThat((List<?>) resume.get("completed")).hasSize(3);
    assertThat(doc.frontMatter()).containsEntry("checkpoint", 3);
    assertThat(doc.sessionId()).contains("2026-01-03-004");
  }

  @Test
  void readsNestedSessionIdAndStatus() throws Exception {
    JournalDocument doc = reader.read(fixture("seed-003_d2021b9100d126c3.md"));
    assertThat(doc.sessionId()).contains("20260116-1830");
    assertThat(doc.status()).contains(JournalStatus.COMPLETE);
  }

  @Test
  void ignoresHeadingsInsideCodeFences() throws Exception {
    JournalDocument doc = reader.read(fixture("2026-01-02-outpost-mvp.md"));
    assertThat(doc.sections()).doesNotContainKey("Claude Code (Opus 4.5)");
    assertThat(doc.sections().get("Technical Discoveries")).contains("# Claude Code (Opus 4.5)");
    assertThat(doc.status()).contains(JournalStatus.COMPLETE);
    assertThat(doc.date()).contains(LocalDate.of(2026, 1, 2));
  }

  @Test
  void closesFrontMatterOnlyAtALineOfExactlyThreeDashes() {
    String text = "---\nstatus: done\nnote: \"a --- b\"\n---  \n# T\n\n---\n\n## S\n\nx\n";
    JournalDocument doc = reader.read("notes.md", text);
    assertThat(doc.problems()).isEmpty();
    assertThat(doc.frontMatter()).containsEntry("note", "a --- b");
    assertThat(doc.status()).contains(JournalStatus.COMPLETE);
    assertThat(doc.title()).isEqualTo("T");
    assertThat(doc.sections()).containsEntry("S", "x");
    assertThat(reader.read("empty.md", "---\n---\n# E\n").title()).isEqualTo("E");
  }

  @Test
  void reportsBrokenYamlAsAProblemAndStillReadsTheBody() {
    String text = "---\nstatus: [unclosed\n---\n# Title\n\n## Summary\n\nSome text.\n";
    JournalDocument doc = reader.read("2026-02-01-001-x.md", text);
    assertThat(doc.problems()).singleElement().asString().startsWith("front matter");
    assertThat(doc.title()).isEqualTo("Title");
    assertThat(doc.sections()).containsEntry("Summary", "Some text.");
    assertThat(doc.agent()).contains("x");
  }
}
