package dev.blueprint.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bp hooks}: Claude Code and git hooks that journal sessions. */
@Command(
    name = "hooks",
    mixinStandardHelpOptions = true,
    description = "Install or remove the Claude Code hooks that journal each session.",
    subcommands = {HooksInstallCommand.class, HooksUninstallCommand.class})
final class HooksCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
