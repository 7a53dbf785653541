package dev.blueprint.journal.session;

import dev.blueprint.journal.git.Change;
import dev.blueprint.journal.git.GitLayerException;
import dev.blueprint.journal.git.LandOutcome;
import dev.blueprint.journal.git.QueueOptions;
import dev.blueprint.journal.git.RepoLayout;
import dev.blueprint.journal.git.Trailers;
import dev.blueprint.journal.git.jgit.JGitCommitQueue;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Commits each written journal on the checked-out branch through the repository's commit queue, as
 * a change of that one file, so journals land like any other work and never race other committers.
 * In a folder that is not a git repository the journal stays in the folder, with a note.
 */
public final class QueuedJournalPublisher implements JournalPublisher {
  private static final Duration WAIT = Duration.ofMinutes(5);

  private final Path repoRoot;
  private final PrintWriter notes;
  private final List<String> commits = new ArrayList<>();

  /**
   * @param repoRoot the repository (or plain folder) the journals are written in
   * @param notes where to say what was not committed and why (stderr)
   */
  public QueuedJournalPublisher(Path repoRoot, PrintWriter notes) {
    this.repoRoot = repoRoot;
    this.notes = notes;
  }

  /** The commit of the last journal this publisher landed, if any. */
  public Optional<String> lastCommit() {
    return commits.isEmpty() ? Optional.empty() : Optional.of(commits.get(commits.size() - 1));
  }

  @Override
  public void publish(Path file, String message) throws IOException {
    if (!isGitRepository()) {
      notes.println("bp: " + repoRoot + " is not a git repository; " + file + " not committed");
      notes.flush();
      return;
    }
    Path root = repoRoot.toRealPath();
    String relative = root.relativize(file.toRealPath()).toString();
    String body = message.replaceFirst("^journal: ", "");
    try (JGitCommitQueue queue = JGitCommitQueue.open(root, QueueOptions.defaults())) {
      long id;
      try {
        id =
            queue.submit(
                new Change.FromPaths(
                    root,
                    List.of(relative),
                    "journal: " + relative + "\n\n" + body,
                    trailers(file)));
      } catch (GitLayerException e) {
        if (e.code().equals("E_NOTHING_TO_COMMIT")) {
          return; // the same journal is already committed
        }
        throw e;
      }
      LandOutcome outcome = queue.await(id, WAIT);
      if (outcome instanceof LandOutcome.Landed landed) {
        commits.add(landed.commit());
      } else if (!(outcome instanceof LandOutcome.Unchanged)) {
        throw new NotCommitted(
            "journal " + relative + " written but not committed: " + describe(outcome), null);
      }
    } catch (GitLayerException e) {
      throw new NotCommitted(
          "journal " + relative + " written but not committed: " + e.code() + " " + e.getMessage(),
          e);
    }
  }

  /** The journal's session and agent as trailers, so the commit is found with its session. */
  private static Trailers trailers(Path file) throws IOException {
    JournalDocument doc = new JournalReader().read(file);
    return new Trailers(null, null, doc.agent().orElse(null), doc.sessionId().orElse(null));
  }

  private boolean isGitRepository() {
    try {
      RepoLayout.find(repoRoot);
      return true;
    } catch (GitLayerException e) {
      return false;
    }
  }

  private static String describe(LandOutcome outcome) {
    if (outcome instanceof LandOutcome.Rejected r) {
      return "conflicts in " + String.join(", ", r.conflictPaths());
    }
    if (outcome instanceof LandOutcome.GateFailed g) {
      return "the gate exited " + g.exitCode();
    }
    if (outcome instanceof LandOutcome.Failed f) {
      return f.code() + " " + f.message();
    }
    return outcome.state();
  }

  /** The journal file was written but the queue did not land it (a conflict, a git failure). */
  public static final class NotCommitted extends IOException {
    private static final long serialVersionUID = 1L;

    NotCommitted(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
