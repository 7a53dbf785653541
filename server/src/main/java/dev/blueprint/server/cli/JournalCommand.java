package dev.blueprint.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bp journal}: session journals in {@code sessions/}. */
@Command(
    name = "journal",
    mixinStandardHelpOptions = true,
    description = "Write, list and show session journals (sessions/YYYY-MM-DD-NNN-<agent>.md).",
    subcommands = {
      JournalWriteCommand.class,
      JournalListCommand.class,
      JournalShowCommand.class,
      JournalSweepCommand.class
    })
final class JournalCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
