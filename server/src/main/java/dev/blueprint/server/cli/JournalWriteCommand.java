package dev.blueprint.server.cli;

import dev.blueprint.hooks.spool.HookSpool;
import dev.blueprint.hooks.spool.SpoolRecord;
import dev.blueprint.journal.session.JournalPublisher;
import dev.blueprint.journal.session.JournalService;
import dev.blueprint.journal.session.JournalStatus;
import dev.blueprint.journal.session.ManualEntry;
import dev.blueprint.journal.session.QueuedJournalPublisher;
import dev.blueprint.journal.session.Redactor;
import dev.blueprint.journal.session.TranscriptOptions;
import dev.blueprint.journal.session.WrittenJournal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bp journal write}: from a Claude Code transcript, from a hook's spool file, or by hand.
 * Journals of blueprint runs are written by the aggregate step through {@link
 * JournalService#writeFromRun}.
 */
@Command(
    name = "write",
    mixinStandardHelpOptions = true,
    description = {
      "Write a session journal into sessions/.",
      "From a transcript (--transcript), from a hook spool file (--spool, used by the installed"
          + " hooks), or by hand (--agent and --summary)."
    })
final class JournalWriteCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin RepositoryOption repo;

  @Option(
      names = "--transcript",
      paramLabel = "FILE",
      description = "Claude Code JSONL transcript.")
  Path transcript;

  @Option(names = "--spool", paramLabel = "FILE", description = "Spool file left by the hook.")
  Path spool;

  @Option(names = "--start-commit", description = "HEAD when the session started.")
  String startCommit;

  @Option(names = "--agent", description = "Who worked (default for transcripts: claude-code).")
  String agent;

  @Option(names = "--summary", description = "What happened (by hand).")
  String summary;

  @Option(
      names = "--status",
      description = "active, complete, checkpoint or abandoned (default: complete).")
  String status;

  @Option(names = "--model", description = "The model.")
  String model;

  @Option(names = "--session-id", description = "Session id (by hand; default: a new UUID).")
  String sessionId;

  @Option(names = "--work", description = "A thing done (repeatable).")
  List<String> work = new ArrayList<>();

  @Option(names = "--failure", description = "A failure (repeatable).")
  List<String> failures = new ArrayList<>();

  @Option(names = "--next", description = "A next step (repeatable).")
  List<String> next = new ArrayList<>();

  @Option(names = "--blueprint", description = "The blueprint file worked on.")
  String blueprint;

  @Option(names = "--progress", description = "Blueprint progress, e.g. '12/40 (30%%)'.")
  String progress;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  @Option(
      names = "--no-commit",
      description = "Leave the journal in the working tree instead of committing it.")
  boolean noCommit;

  private QueuedJournalPublisher publisher;

  @Override
  public Integer call() throws IOException {
    try {
      return write();
    } catch (QueuedJournalPublisher.NotCommitted e) {
      spec.commandLine().getErr().println("bp: " + e.getMessage());
      return ExitCodes.PROBLEM_FOUND;
    }
  }

  private int write() throws IOException {
    int sources =
        (transcript != null ? 1 : 0) + (spool != null ? 1 : 0) + (summary != null ? 1 : 0);
    if (sources != 1) {
      throw new UsageException(
          "journal write needs exactly one of --transcript FILE, --spool FILE, or --summary TEXT");
    }
    JournalStatus chosen = status == null ? JournalStatus.COMPLETE : parseStatus(status);
    WrittenJournal written;
    if (spool != null) {
      Optional<WrittenJournal> w = fromSpool(chosen);
      if (w.isEmpty()) {
        spec.commandLine().getOut().println("nothing to journal: " + spool + " is a session start");
        return ExitCodes.OK;
      }
      written = w.get();
    } else if (transcript != null) {
      requireFile(transcript, "transcript");
      written =
          service(repo.root())
              .writeFromTranscript(
                  transcript,
                  new TranscriptOptions(
                      agent == null ? "claude-code" : agent,
                      chosen,
                      Optional.ofNullable(startCommit)));
    } else {
      if (agent == null || agent.isBlank()) {
        throw new UsageException("journal write by hand needs --agent NAME");
      }
      written =
          service(repo.root())
              .writeByHand(
                  new ManualEntry(
                      Optional.ofNullable(sessionId),
                      agent,
                      Optional.ofNullable(model),
                      chosen,
                      summary,
                      work,
                      failures,
                      next,
                      Optional.ofNullable(blueprint),
                      Optional.ofNullable(progress),
                      Optional.ofNullable(startCommit)));
    }
    Optional<String> commit = publisher == null ? Optional.empty() : publisher.lastCommit();
    spec.commandLine()
        .getOut()
        .println(
            json
                ? JournalJson.written(written, commit)
                : "wrote "
                    + written.file()
                    + commit.map(c -> ", committed as " + c.substring(0, 12)).orElse(""));
    return ExitCodes.OK;
  }

  private Optional<WrittenJournal> fromSpool(JournalStatus chosen) throws IOException {
    requireFile(spool, "spool file");
    HookSpool hookSpool = new HookSpool(spool.toAbsolutePath().getParent());
    SpoolRecord rec;
    try {
      rec = hookSpool.read(spool);
    } catch (IOException e) {
      throw new UsageException(spool + ": not a readable spool file (" + e.getMessage() + ")");
    }
    if (rec.event().equals("SessionStart")) {
      return Optional.empty();
    }
    Path transcriptFile =
        rec.transcriptPath()
            .orElseThrow(() -> new UsageException(spool + ": names no transcript_path"));
    requireFile(transcriptFile, "transcript named in " + spool);
    Path root = RepositoryRoot.around(rec.cwd().map(Path::of).orElse(repo.dir));
    JournalStatus spoolStatus = rec.event().equals("Stop") ? JournalStatus.ACTIVE : chosen;
    Optional<String> start =
        Optional.ofNullable(startCommit).or(() -> startCommitOf(hookSpool, rec.sessionId()));
    WrittenJournal w =
        service(root)
            .writeFromTranscript(
                transcriptFile,
                new TranscriptOptions(agent == null ? "claude-code" : agent, spoolStatus, start));
    if (rec.event().equals("SessionEnd")) {
      hookSpool.clear(rec.sessionId());
    } else {
      Files.deleteIfExists(spool);
    }
    return Optional.of(w);
  }

  private static Optional<String> startCommitOf(HookSpool spool, String session) {
    try {
      return spool.startCommit(session);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private JournalService service(Path root) {
    JournalPublisher publish = JournalPublisher.NONE;
    if (!noCommit) {
      publisher = new QueuedJournalPublisher(root, spec.commandLine().getErr());
      publish = publisher;
    }
    return new JournalService(root, new Redactor(System.getenv()), publish, Clock.systemUTC());
  }

  static JournalStatus parseStatus(String text) {
    for (JournalStatus s : JournalStatus.values()) {
      if (s.word().equalsIgnoreCase(text.strip())) {
        return s;
      }
    }
    throw new UsageException(
        "--status must be one of active, complete, checkpoint, abandoned (got '" + text + "')");
  }

  private static void requireFile(Path file, String what) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new UsageException("cannot read " + what + " " + file);
    }
  }
}
