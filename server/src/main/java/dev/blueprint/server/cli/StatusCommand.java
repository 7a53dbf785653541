package dev.blueprint.server.cli;

import dev.blueprint.tools.status.Run;
import dev.blueprint.tools.status.RunStatus;
import dev.blueprint.tools.status.RunStatusReader;
import dev.blueprint.tools.status.RunStore;
import dev.blueprint.tools.status.StatusJson;
import dev.blueprint.tools.status.sqlite.SqliteRunStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bp status}: where a run stands, from the run store (the latest run by default). */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description =
        "Show a run's state, wave progress, worker slots, queue depth, every task's state and a"
            + " task's log (latest run by default).")
final class StatusCommand implements Callable<Integer> {

  @Parameters(paramLabel = "RUN", arity = "0..1", description = "Run id (default: the latest).")
  String runId;

  @Option(names = "--json", description = "Print one JSON object (schema_version 1).")
  boolean json;

  @Option(names = "--task", paramLabel = "T", description = "Include this task's log.")
  String task;

  @Option(
      names = "--log-offset",
      paramLabel = "N",
      description = "Continue the log from this byte offset (next_offset of the last call).")
  Long logOffset;

  @Option(
      names = "--watch",
      description =
          "Redraw every second until the run ends: progress bars on a terminal, a plain block per"
              + " change otherwise.")
  boolean watch;

  @Mixin RunsOption runs;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Path repo = runs.repository();
    PrintWriter out = spec.commandLine().getOut();
    try (SqliteRunStore store =
        runs.open(
            repo,
            "bp-status",
            () ->
                new UsageException("no runs in " + repo + " (start one with bp dispatch FILE)"))) {
      String id = runId != null ? runId : latest(store, repo);
      RunStatusReader reader = new RunStatusReader(store, DispatchCommand.clock(), repo);
      // A terminal watching redraws in place with bars; anything else gets plain blocks, one per
      // change, that read well in a log file or a pipe.
      boolean terminal = watch && !json && System.console() != null;
      String last = null;
      while (true) {
        RunStatus s =
            reader.status(id, task, logOffset).orElseThrow(() -> DispatchCommand.noRun(id, repo));
        String shown = json ? StatusJson.write(s) : terminal ? StatusText.bars(s) : render(s);
        // a terminal redraws as time passes; elsewhere only a change of state is worth a block
        String key = json || terminal ? shown : StatusText.changeKey(s);
        if (!key.equals(last)) {
          if (terminal) {
            out.print("\033[H\033[2J"); // redraw in place
          }
          out.println(shown);
          out.flush();
          last = key;
        }
        if (!watch || s.run().state().isFinal()) {
          return ExitCodes.OK;
        }
        Thread.sleep(1000);
      }
    }
  }

  static String latest(RunStore store, Path repo) {
    List<Run> runs = store.runs();
    if (runs.isEmpty()) {
      throw new UsageException("no runs in " + repo + " (start one with bp dispatch FILE)");
    }
    return runs.get(0).id();
  }

  /** The status for people (plain lines; see {@link StatusText}). */
  static String render(RunStatus s) {
    return StatusText.plain(s);
  }
}
