package dev.blueprint.server.cli;

import dev.blueprint.journal.session.JournalService;
import dev.blueprint.journal.session.QueuedJournalPublisher;
import dev.blueprint.journal.session.Redactor;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bp journal sweep} as {@code bp serve} runs it at start: on a background daemon thread at
 * the lowest priority, after a short pause so the client's {@code initialize} is answered first,
 * reporting on stderr only (stdout belongs to the protocol). A failure is logged and never stops
 * the server.
 */
final class StartupSweep implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(StartupSweep.class);

  /** Lets the first replies go out before the sweep competes for the CPU. */
  static final Duration PAUSE = Duration.ofSeconds(2);

  /** Transcripts changed more recently than this belong to a live session. */
  static final Duration SETTLE = Duration.ofMinutes(10);

  private final Path repository;
  private final Path projects;
  private final PrintStream stderr;

  StartupSweep(Path repository, Path projects, PrintStream stderr) {
    this.repository = repository;
    this.projects = projects;
    this.stderr = stderr;
  }

  /** Starts the sweep on its own thread and returns at once. */
  Thread start() {
    Thread t = new Thread(this, "bp-journal-sweep");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
    return t;
  }

  @Override
  public void run() {
    try {
      Thread.sleep(PAUSE.toMillis());
      PrintWriter notes = new PrintWriter(stderr, true, StandardCharsets.UTF_8);
      JournalService service =
          new JournalService(
              repository,
              new Redactor(System.getenv()),
              new QueuedJournalPublisher(repository, notes),
              Clock.systemUTC());
      List<Path> journaled = service.sweep(projects, SETTLE, false);
      for (Path p : journaled) {
        stderr.println("bp: journal sweep: journaled " + p);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.warn("journal sweep at server start failed: {}", e.getMessage());
      stderr.println("bp: journal sweep at start failed: " + e.getMessage());
    }
  }
}
