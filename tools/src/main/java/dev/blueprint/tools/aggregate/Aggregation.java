package dev.blueprint.tools.aggregate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.blueprint.journal.git.GitCli;
import dev.blueprint.journal.session.JournalPublisher;
import dev.blueprint.journal.session.QueuedJournalPublisher;
import dev.blueprint.tools.status.RunStore;
import dev.blueprint.tools.status.StatusJson;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The aggregate step of a run: its report, and the session journal it was handed to.
 *
 * @param journal the journal file written into {@code sessions/}
 * @param journalCommit the commit that landed the journal, or null when it was not committed
 * @param journalNote why the journal was not committed, or null
 */
public record Aggregation(
    RunReport report, Path journal, String journalCommit, String journalNote) {

  /**
   * Reports the run, writes its journal and hands it to {@code publisher} (the commit queue, in the
   * CLI and the server); empty when there is no such run. A journal the publisher could not land
   * stays written, and the reason is kept in {@link #journalNote()}.
   */
  public static Optional<Aggregation> of(
      RunStore store,
      GitCli git,
      Path repo,
      Map<String, String> env,
      Clock clock,
      String runId,
      JournalPublisher publisher)
      throws IOException {
    Optional<RunReport> report = new RunReportReader(store, git, repo).report(runId);
    if (report.isEmpty()) {
      return Optional.empty();
    }
    PublishAttempt attempt = new PublishAttempt(publisher);
    Path file = new RunJournal(repo, git, env, clock, attempt).write(report.get()).file();
    return Optional.of(new Aggregation(report.get(), file, attempt.commit(), attempt.failure));
  }

  /** The report's JSON with {@code journal} (path), {@code journal_committed} and its commit. */
  public ObjectNode toJson() {
    ObjectNode n = StatusJson.mapper().valueToTree(report);
    n.put("journal", journal.toString());
    n.put("journal_committed", journalCommit != null);
    if (journalCommit != null) {
      n.put("journal_commit", journalCommit);
    }
    if (journalNote != null) {
      n.put("journal_note", journalNote);
    }
    return n;
  }

  /** The report's text and a line saying where the journal went. */
  public String toText() {
    String where =
        journalCommit != null
            ? "committed as " + journalCommit.substring(0, Math.min(12, journalCommit.length()))
            : "written to the working tree, not committed"
                + (journalNote == null ? "" : ": " + journalNote);
    return RunReportText.render(report) + "\njournal: " + journal + " (" + where + ")\n";
  }

  /**
   * Publishes through the given publisher but keeps a failure as a note: the run's report matters
   * more than whether its journal could be committed.
   */
  private static final class PublishAttempt implements JournalPublisher {
    private final JournalPublisher delegate;
    private String failure;

    PublishAttempt(JournalPublisher delegate) {
      this.delegate = delegate;
    }

    @Override
    public void publish(Path file, String message) {
      try {
        delegate.publish(file, message);
      } catch (IOException e) {
        failure = e.getMessage();
      }
    }

    String commit() {
      return failure == null && delegate instanceof QueuedJournalPublisher q
          ? q.lastCommit().orElse(null)
          : null;
    }
  }
}
