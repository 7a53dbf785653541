package dev.blueprint.server.cli;

import dev.blueprint.tools.status.Run;
import dev.blueprint.tools.status.RunStatus;
import dev.blueprint.tools.status.RunStatusReader;
import dev.blueprint.tools.status.RunStore;
import dev.blueprint.tools.status.StatusJson;
import dev.blueprint.tools.status.sqlite.SqliteRunStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bp status}: where a run stands, from the run store (the latest run by default). */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description =
        "Show a run's state, every task's state and a task's log (latest run by default).")
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

  @Option(names = "--watch", description = "Redraw until the run ends.")
  boolean watch;

  @Option(
      names = {"-C", "--repo"},
      paramLabel = "DIR",
      description = "Run as if started in DIR.")
  Path dir = Path.of("");

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Path repo = DispatchCommand.repository(dir);
    if (!Files.exists(repo.resolve(".blueprint").resolve("state.db"))) {
      throw new UsageException("no runs in " + repo + " (start one with bp dispatch FILE)");
    }
    PrintWriter out = spec.commandLine().getOut();
    try (SqliteRunStore store =
        SqliteRunStore.openInRepository(repo, DispatchCommand.clock(), "bp-status")) {
      String id = runId != null ? runId : latest(store, repo);
      RunStatusReader reader = new RunStatusReader(store, DispatchCommand.clock());
      String last = null;
      while (true) {
        RunStatus s =
            reader.status(id, task, logOffset).orElseThrow(() -> DispatchCommand.noRun(id, repo));
        String shown = json ? StatusJson.write(s) : render(s);
        if (!shown.equals(last)) {
          if (watch && !json && System.console() != null) {
            out.print("\033[H\033[2J"); // a terminal: redraw in place
          }
          out.println(shown);
          out.flush();
          last = shown;
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

  /** The status for people: the run line, counts, a line per task, cost, and the log slice. */
  static String render(RunStatus s) {
    StringBuilder b = new StringBuilder();
    Run r = s.run();
    b.append("run ").append(r.id()).append(": ").append(r.state().wire());
    if (s.durationMs() != null) {
      b.append(", ").append(seconds(s.durationMs()));
    }
    b.append(", ").append(r.blueprintPath()).append(" onto ").append(r.baseBranch()).append('\n');
    StringBuilder counts = new StringBuilder();
    for (Map.Entry<?, Integer> e : s.counts().entrySet()) {
      if (counts.length() > 0) {
        counts.append(", ");
      }
      counts.append(e.getValue()).append(' ').append(wire(e.getKey()));
    }
    b.append(counts).append('\n');
    for (RunStatus.TaskLine t : s.tasks()) {
      b.append(String.format(Locale.ROOT, "  %-12s %-13s", t.taskId(), t.state().wire()));
      if (t.attempts() > 0) {
        b.append(" attempt ").append(t.attempts());
        if (t.agent() != null) {
          b.append(" (").append(t.agent()).append(')');
        }
        if (t.durationMs() != null) {
          b.append(' ').append(seconds(t.durationMs()));
        }
      }
      if (t.error() != null && !t.state().wire().equals("landed")) {
        b.append("  ").append(t.error().code()).append(": ").append(t.error().message());
      }
      b.append('\n');
    }
    b.append(
        s.costUsd() == null
            ? "cost not reported"
            : String.format(Locale.ROOT, "cost $%.4f", s.costUsd()));
    b.append(", ").append(s.tokens() == null ? 0 : s.tokens().total()).append(" tokens");
    if (s.log() != null) {
      b.append("\n--- log of ")
          .append(s.log().taskId())
          .append(" (")
          .append(s.log().path())
          .append("; continue with --log-offset ")
          .append(s.log().tail().nextOffset())
          .append(") ---\n")
          .append(s.log().tail().text());
    }
    return b.toString();
  }

  private static String wire(Object state) {
    return state instanceof dev.blueprint.tools.status.TaskState t ? t.wire() : state.toString();
  }

  private static String seconds(long ms) {
    return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
  }
}
