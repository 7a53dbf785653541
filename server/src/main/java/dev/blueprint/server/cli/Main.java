package dev.blueprint.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code bp} command line: one place builds the command tree and exits. */
@Command(
    name = "bp",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Plan, run and record multi-agent coding work in a git repository.",
    subcommands = {
      CommandLine.HelpCommand.class,
      ValidateCommand.class,
      PlanCommand.class,
      ServeCommand.class,
      CommitCommand.class,
      QueueCommand.class,
      JournalCommand.class,
      HooksCommand.class,
      DispatchCommand.class,
      StatusCommand.class,
      AggregateCommand.class,
      ApproveCommand.class,
      DemoCommand.class,
      ReportCommand.class
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Builds the command line with the shared error handling, so tests run exactly what users run.
   */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(new ExitCodes());
    cli.setExitCodeExceptionMapper(new ExitCodes());
    return cli;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
