package dev.blueprint.server.cli;

import dev.blueprint.hooks.claude.InstallReport;
import dev.blueprint.hooks.git.GitHookResult;
import java.io.PrintWriter;

/** Reports what happened to the git hook; a foreign hook left in place is a problem (exit 1). */
final class HooksOutput {
  private HooksOutput() {}

  static int gitHook(InstallReport report, PrintWriter out, PrintWriter err) {
    if (report.gitHook().isEmpty()) {
      return ExitCodes.OK;
    }
    GitHookResult g = report.gitHook().get();
    switch (g.outcome()) {
      case INSTALLED -> out.println("installed git hook " + g.hookFile());
      case UNCHANGED -> out.println("git hook already installed: " + g.hookFile());
      case REMOVED -> out.println("removed git hook " + g.hookFile());
      case ABSENT -> out.println("no blueprint git hook at " + g.hookFile());
      case FOREIGN_HOOK_KEPT -> {
        err.println(
            "bp: "
                + g.hookFile()
                + " is another hook; left it alone. Call .blueprint's trailer logic from it by hand"
                + " (see docs/journal.md).");
        return ExitCodes.PROBLEM_FOUND;
      }
    }
    return ExitCodes.OK;
  }
}
