package dev.blueprint.journal.session;

import dev.blueprint.journal.transcript.TranscriptFacts;
import dev.blueprint.journal.transcript.TranscriptReader;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Writes and lists the journals of one repository ({@code <repo>/sessions/}): from a Claude Code
 * transcript, from a blueprint run, or from values given by hand. Each write reads git for the
 * session's commits, links the previous session, redacts secrets and hands the file to the
 * publisher (the commit queue, once plugged in).
 */
public final class JournalService {

  /** The journal folder inside a repository. */
  public static final String FOLDER = "sessions";

  /** Files in the journal folder that describe the format rather than a session. */
  private static final Set<String> NOT_JOURNALS = Set.of("README.md", "TEMPLATE.md");

  private final Path repoRoot;
  private final JournalWriter writer;
  private final JournalReader reader = new JournalReader();
  private final GitHistory git = new GitHistory();
  private final Clock clock;

  public JournalService(Path repoRoot, Redactor redactor, JournalPublisher publisher, Clock clock) {
    this.repoRoot = repoRoot.toAbsolutePath().normalize();
    this.writer = new JournalWriter(this.repoRoot.resolve(FOLDER), redactor, publisher);
    this.clock = clock;
  }

  /** The journal folder. */
  public Path folder() {
    return repoRoot.resolve(FOLDER);
  }

  /** Journals a Claude Code session from its transcript. */
  public WrittenJournal writeFromTranscript(Path transcript, TranscriptOptions options)
      throws IOException {
    TranscriptFacts facts = new TranscriptReader().read(transcript);
    GitFacts history = git.read(repoRoot, options.startCommit(), facts.firstTimestamp());
    String fallbackId = transcript.getFileName().toString().replaceFirst("\\.jsonl$", "");
    Journal draft =
        JournalDrafts.fromTranscript(
            facts,
            fallbackId,
            history,
            repoRoot,
            project(),
            options.agent(),
            options.status(),
            options.startCommit(),
            clock.instant());
    return write(draft);
  }

  /** Journals a blueprint run; called by the aggregate step when a run ends. */
  public WrittenJournal writeFromRun(RunOutcome run) throws IOException {
    return write(
        JournalDrafts.fromRun(
            run, git.read(repoRoot, run.startCommit(), Optional.of(run.started())), project()));
  }

  /** Journals a session described by hand. */
  public WrittenJournal writeByHand(ManualEntry entry) throws IOException {
    String id = entry.sessionId().orElseGet(() -> UUID.randomUUID().toString());
    return write(
        JournalDrafts.byHand(
            entry, id, git.read(repoRoot, entry.startCommit()), project(), clock.instant()));
  }

  /** Every journal in the folder, oldest first (by date, then sequence, then name). */
  public List<ListedJournal> list() throws IOException {
    List<ListedJournal> out = new ArrayList<>();
    if (!Files.isDirectory(folder())) {
      return out;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder(), "*.md")) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        if (!name.startsWith(".") && !NOT_JOURNALS.contains(name) && Files.size(f) > 0) {
          out.add(new ListedJournal(f, reader.read(f)));
        }
      }
    }
    out.sort(
        Comparator.comparing((ListedJournal l) -> l.document().date().orElse(LocalDate.MIN))
            .thenComparingInt(l -> l.document().sequence())
            .thenComparing(l -> l.file().getFileName().toString()));
    return out;
  }

  /**
   * Journals every transcript of this repository that has none yet, as {@link
   * JournalStatus#ABANDONED}: its SessionEnd hook never ran.
   *
   * @param projectsRoot Claude Code's projects folder ({@code ~/.claude/projects})
   * @param settle transcripts changed more recently than this are left alone (still live)
   * @param dryRun find only, write nothing
   * @return the transcripts found
   */
  public List<Path> sweep(Path projectsRoot, Duration settle, boolean dryRun) throws IOException {
    Set<String> journaled = new HashSet<>();
    for (ListedJournal l : list()) {
      l.document().sessionId().ifPresent(journaled::add);
    }
    List<Path> found =
        new TranscriptSweep()
            .unjournaled(projectsRoot, repoRoot, journaled, clock.instant().minus(settle));
    if (!dryRun) {
      for (Path transcript : found) {
        writeFromTranscript(
            transcript,
            new TranscriptOptions("claude-code", JournalStatus.ABANDONED, Optional.empty()));
      }
    }
    return found;
  }

  private WrittenJournal write(Journal draft) throws IOException {
    Optional<String> previous =
        list().stream()
            .filter(l -> l.document().sessionId().filter(draft.sessionId()::equals).isEmpty())
            .filter(l -> l.document().date().filter(d -> !d.isAfter(draft.date())).isPresent())
            .reduce((a, b) -> b)
            .flatMap(l -> l.document().sessionId());
    return writer.write(draft.toBuilder().previousSession(previous.orElse(null)).build());
  }

  private String project() {
    Path name = repoRoot.getFileName();
    return name == null ? "repository" : name.toString();
  }
}
