package dev.blueprint.server.cli;

import dev.blueprint.tools.status.sqlite.SqliteRunStore;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bp approve}: releases a task that waits for a person, so a resumed run starts it. */
@Command(
    name = "approve",
    mixinStandardHelpOptions = true,
    description =
        "Approve a task waiting for a person (human_required); resume the run to start it."
            + " Exit 1 when the task is not waiting.")
final class ApproveCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "RUN", description = "Run id.")
  String runId;

  @Parameters(index = "1", paramLabel = "TASK", description = "Task id.")
  String taskId;

  @Option(names = "--by", paramLabel = "NAME", description = "Who approves (default: $USER).")
  String by;

  @Mixin RunsOption runs;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Path repo = runs.repository();
    String who = by != null ? by : System.getProperty("user.name", "someone");
    try (SqliteRunStore store =
        runs.open(repo, "bp-approve", () -> DispatchCommand.noRun(runId, repo))) {
      store.run(runId).orElseThrow(() -> DispatchCommand.noRun(runId, repo));
      try {
        store.approve(runId, taskId, who);
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage(), e);
      } catch (IllegalStateException e) {
        spec.commandLine().getErr().println("bp: " + e.getMessage());
        spec.commandLine().getErr().flush();
        return ExitCodes.PROBLEM_FOUND;
      }
      spec.commandLine()
          .getOut()
          .println(
              "approved "
                  + taskId
                  + " of run "
                  + runId
                  + " (by "
                  + who
                  + "); start it with: bp dispatch --resume "
                  + runId);
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    }
  }
}
