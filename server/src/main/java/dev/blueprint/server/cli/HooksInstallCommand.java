package dev.blueprint.server.cli;

import dev.blueprint.hooks.claude.ClaudeHookInstaller;
import dev.blueprint.hooks.claude.InstallReport;
import dev.blueprint.hooks.claude.InvalidSettingsException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bp hooks install}: merges blueprint's hooks into {@code .claude/settings.json}. */
@Command(
    name = "install",
    mixinStandardHelpOptions = true,
    description = {
      "Merge SessionStart and SessionEnd hooks into .claude/settings.json (keeping what is there)"
          + " and write .blueprint/hooks/claude-hook.sh. Running it again changes nothing."
    })
final class HooksInstallCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin RepositoryOption repo;

  @Option(names = "--stop", description = "Also journal at every Stop (an active journal).")
  boolean stop;

  @Option(
      names = "--git",
      description = "Also install a prepare-commit-msg hook (Session-Id trailer).")
  boolean git;

  @Option(
      names = "--bp",
      paramLabel = "PATH",
      description = "The bp launcher the hook starts (default: <repo>/bp if present, else bp).")
  String bp;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    Path root = repo.root();
    String launcher = bp;
    if (launcher == null) {
      Path local = root.resolve("bp");
      launcher = Files.isExecutable(local) ? local.toString() : "bp";
    }
    InstallReport report;
    try {
      report = new ClaudeHookInstaller(root).install(launcher, stop, git);
    } catch (InvalidSettingsException e) {
      throw new UsageException(e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(HooksOutput.json(report));
      return HooksOutput.exitCode(report);
    }
    for (String event : report.changed()) {
      out.println("added " + event + " hook to " + report.settingsFile());
    }
    for (String event : report.unchanged()) {
      out.println(event + " hook already installed");
    }
    out.println("hook script: " + report.script() + " (starts " + launcher + ")");
    return HooksOutput.gitHook(report, out, spec.commandLine().getErr());
  }
}
