package dev.blueprint.tools.aggregate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.blueprint.journal.git.GitCli;
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
 * @param journal the journal file written into {@code sessions/} (left uncommitted in the working
 *     tree)
 */
public record Aggregation(RunReport report, Path journal) {

  /** Reports the run and writes its journal; empty when there is no such run. */
  public static Optional<Aggregation> of(
      RunStore store, GitCli git, Path repo, Map<String, String> env, Clock clock, String runId)
      throws IOException {
    Optional<RunReport> report = new RunReportReader(store, git, repo).report(runId);
    if (report.isEmpty()) {
      return Optional.empty();
    }
    Path file = new RunJournal(repo, git, env, clock).write(report.get()).file();
    return Optional.of(new Aggregation(report.get(), file));
  }

  /** The report's JSON with {@code journal} (path) and {@code journal_committed} added. */
  public ObjectNode toJson() {
    ObjectNode n = StatusJson.mapper().valueToTree(report);
    n.put("journal", journal.toString());
    n.put("journal_committed", false);
    return n;
  }

  /** The report's text and a line saying where the journal went. */
  public String toText() {
    return RunReportText.render(report)
        + "\njournal: "
        + journal
        + " (written to the working tree, not committed)\n";
  }
}
