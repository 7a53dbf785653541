package dev.blueprint.server.cli;

import dev.blueprint.hooks.claude.ClaudeHookInstaller;
import dev.blueprint.hooks.claude.InstallReport;
import dev.blueprint.hooks.claude.InvalidSettingsException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bp hooks uninstall}: removes only blueprint's own hook entries. */
@Command(
    name = "uninstall",
    mixinStandardHelpOptions = true,
    description = "Remove blueprint's entries from .claude/settings.json and its hook script.")
final class HooksUninstallCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin RepositoryOption repo;

  @Option(names = "--git", description = "Also remove blueprint's prepare-commit-msg hook.")
  boolean git;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    InstallReport report;
    try {
      report = new ClaudeHookInstaller(repo.root()).uninstall(git);
    } catch (InvalidSettingsException e) {
      throw new UsageException(e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(HooksOutput.json(report));
      return HooksOutput.exitCode(report);
    }
    out.println(
        report.changed().isEmpty()
            ? "no blueprint hooks in " + report.settingsFile()
            : "removed " + report.changed().get(0) + " from " + report.settingsFile());
    return HooksOutput.gitHook(report, out, spec.commandLine().getErr());
  }
}
