package dev.blueprint.journal.workrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalSessionSourceTest {
  @TempDir Path tmp;

  @Test
  void readsTheSessionsOfHandWrittenJournalsAndSkipsThoseWithoutSessionId() throws Exception {
    Path dir = Path.of(getClass().getResource("/workrate/journals").toURI());

    List<SessionInfo> sessions = new JournalSessionSource(dir).sessions();

    assertThat(sessions)
        .extracting(SessionInfo::id)
        .containsExactly("2026-01-12-004", "2026-01-12-005");
    SessionInfo first = sessions.get(0);
    assertThat(first.date()).contains(LocalDate.parse("2026-01-12"));
    assertThat(first.agent()).contains("Claude Opus 4.5");
    assertThat(first.model()).contains("claude-opus-4.5");
    assertThat(first.blueprint()).contains("OUTPOST_V2_COMMANDER_PLATFORM.bp.md");
    assertThat(first.startCommit()).isEmpty();
  }

  @Test
  void readsTheKeysBlueprintWritesAndSkipsBrokenYamlAndMissingIds() throws Exception {
    Files.writeString(
        tmp.resolve("2026-02-01-001-claude-code.md"),
        "---\nschema_version: 1\nsession_id: abc\ndate: 2026-02-01\nagent: claude-code\n"
            + "model: opus-4.5\nstart_commit: 1111111\nend_commit: 2222222\nrun_id: R1\n"
            + "unknown_key: [1, 2]\n---\nbody\n");
    Files.writeString(tmp.resolve("2026-02-01-002-x.md"), "---\nsession_id: [unclosed\n---\n");
    Files.writeString(tmp.resolve("2026-02-01-003-x.md"), "---\nagent: no id\n---\n");
    Files.writeString(tmp.resolve("notes.txt"), "---\nsession_id: not-a-journal\n---\n");

    List<SessionInfo> sessions = new JournalSessionSource(tmp).sessions();

    assertThat(sessions)
        .containsExactly(
            new SessionInfo(
                "abc",
                Optional.of(LocalDate.parse("2026-02-01")),
                Optional.of("claude-code"),
                Optional.of("opus-4.5"),
                Optional.empty(),
                Optional.of("1111111"),
                Optional.of("2222222"),
                Optional.of("R1")));
  }

  @Test
  void missingFolderMeansNoSessions() throws Exception {
    assertThat(new JournalSessionSource(tmp.resolve("absent")).sessions()).isEmpty();
  }
}
