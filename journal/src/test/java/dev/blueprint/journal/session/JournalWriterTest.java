package dev.blueprint.journal.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalWriterTest {

  @TempDir Path dir;

  private static Journal journal(String session, LocalDate date, JournalStatus status) {
    return Journal.builder(session, date, "p", "Claude Code").status(status).summary("s").build();
  }

  @Test
  void numbersJournalsOfADayFromTheHighestExistingFile() throws Exception {
    Path sessions = dir.resolve("sessions");
    Files.createDirectories(sessions);
    Files.writeString(sessions.resolve("2026-01-12-007-codex.md"), "# hand written\n");
    Files.writeString(sessions.resolve("2026-01-11-020-codex.md"), "# other day\n");
    JournalWriter writer =
        new JournalWriter(sessions, Redactor.patternsOnly(), JournalPublisher.NONE);

    WrittenJournal first =
        writer.write(journal("a", LocalDate.of(2026, 1, 12), JournalStatus.COMPLETE));
    WrittenJournal second =
        writer.write(journal("b", LocalDate.of(2026, 1, 12), JournalStatus.COMPLETE));
    WrittenJournal otherDay =
        writer.write(journal("c", LocalDate.of(2026, 1, 13), JournalStatus.COMPLETE));

    assertThat(first.file().getFileName()).hasToString("2026-01-12-008-claude-code.md");
    assertThat(second.file().getFileName()).hasToString("2026-01-12-009-claude-code.md");
    assertThat(otherDay.file().getFileName()).hasToString("2026-01-13-001-claude-code.md");
    assertThat(Files.readString(second.file())).contains("sequence: 9\n", "session_id: \"b\"");
  }

  @Test
  void rewritesTheJournalOfASessionInPlaceAndLeavesNoTempFiles() throws Exception {
    JournalWriter writer = new JournalWriter(dir, Redactor.patternsOnly(), JournalPublisher.NONE);
    WrittenJournal active =
        writer.write(journal("s1", LocalDate.of(2026, 1, 12), JournalStatus.ACTIVE));
    WrittenJournal done =
        writer.write(journal("s1", LocalDate.of(2026, 1, 12), JournalStatus.COMPLETE));

    assertThat(done.file()).isEqualTo(active.file());
    assertThat(done.replaced()).isTrue();
    assertThat(active.replaced()).isFalse();
    assertThat(Files.readString(done.file())).contains("status: complete\n");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList())
          .containsExactly("2026-01-12-001-claude-code.md");
    }
  }

  @Test
  void neverOverwritesAHandWrittenJournalOfTheSameSession() throws Exception {
    Path hand = dir.resolve("2026-01-12-004-claude-opus.md");
    String text = "---\nsession: \"s7\"\nstatus: complete\n---\n# By hand\n";
    Files.writeString(hand, text);
    JournalWriter writer = new JournalWriter(dir, Redactor.patternsOnly(), JournalPublisher.NONE);
    WrittenJournal w =
        writer.write(journal("s7", LocalDate.of(2026, 1, 12), JournalStatus.COMPLETE));
    assertThat(w.file().getFileName()).hasToString("2026-01-12-005-claude-code.md");
    assertThat(Files.readString(hand)).isEqualTo(text);
  }

  @Test
  void concurrentWritersOfOneDayGetDistinctNumbers() throws Exception {
    JournalWriter writer = new JournalWriter(dir, Redactor.patternsOnly(), JournalPublisher.NONE);
    int n = 8;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      List<Future<WrittenJournal>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String id = "c" + i;
        futures.add(
            pool.submit(
                () -> writer.write(journal(id, LocalDate.of(2026, 4, 1), JournalStatus.COMPLETE))));
      }
      Set<Integer> numbers = new TreeSet<>();
      for (var f : futures) {
        numbers.add(f.get().journal().sequence());
      }
      assertThat(numbers).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void handsEachWrittenFileToThePublisher() throws Exception {
    List<String> published = new ArrayList<>();
    JournalWriter writer =
        new JournalWriter(
            dir,
            Redactor.patternsOnly(),
            (file, message) -> published.add(file.getFileName() + " | " + message));
    writer.write(journal("s9", LocalDate.of(2026, 3, 1), JournalStatus.CHECKPOINT));
    assertThat(published)
        .containsExactly("2026-03-01-001-claude-code.md | journal: session s9 (checkpoint)");
  }

  @Test
  void redactsTheWholeRenderedText() throws Exception {
    JournalWriter writer = new JournalWriter(dir, Redactor.patternsOnly(), JournalPublisher.NONE);
    Journal j =
        Journal.builder("s", LocalDate.of(2026, 1, 1), "p", "a")
            .summary("used sk-ant-api03-AAAAAAAAAAAAAAAAAAAAAAAAAAAA")
            .failures(List.of("curl -H 'Authorization: Bearer abcdefghijklmnopqrstuvwxyz' failed"))
            .build();
    String text = Files.readString(writer.write(j).file());
    assertThat(text).doesNotContain("sk-ant-api03", "abcdefghijklmnopqrstuvwxyz");
    assertThat(text).contains("[REDACTED:anthropic]", "[REDACTED:bearer]");
  }
}
