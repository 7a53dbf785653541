package dev.blueprint.server.cli;

import dev.blueprint.journal.git.GitCli;
import dev.blueprint.journal.session.QueuedJournalPublisher;
import dev.blueprint.tools.aggregate.Aggregation;
import dev.blueprint.tools.status.StatusJson;
import dev.blueprint.tools.status.sqlite.SqliteRunStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bp aggregate}: the run report, handed to the journal writer. */
@Command(
    name = "aggregate",
    mixinStandardHelpOptions = true,
    description =
        "Report a run (every task that did not land, with its error; cost; commits) and write"
            + " its session journal. Exit 1 when the run was not successful.")
final class AggregateCommand implements Callable<Integer> {

  @Parameters(paramLabel = "RUN", arity = "0..1", description = "Run id (default: the latest).")
  String runId;

  @Option(names = "--json", description = "Print one JSON object (schema_version 1).")
  boolean json;

  @Mixin RunsOption runs;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Path repo = runs.repository();
    try (SqliteRunStore store =
        runs.open(repo, "bp-aggregate", () -> new UsageException("no runs in " + repo))) {
      String id = runId != null ? runId : StatusCommand.latest(store, repo);
      Aggregation a =
          Aggregation.of(
                  store,
                  GitCli.inheritingEnvironment(),
                  repo,
                  System.getenv(),
                  DispatchCommand.clock(),
                  id,
                  new QueuedJournalPublisher(repo, spec.commandLine().getErr()))
              .orElseThrow(() -> DispatchCommand.noRun(id, repo));
      PrintWriter out = spec.commandLine().getOut();
      out.print(json ? StatusJson.write(a.toJson()) + "\n" : a.toText());
      out.flush();
      return a.report().successful() ? ExitCodes.OK : ExitCodes.PROBLEM_FOUND;
    }
  }
}
