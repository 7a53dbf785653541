package dev.blueprint.server.cli;

import dev.blueprint.hooks.claude.InstallReport;
import dev.blueprint.hooks.git.GitHookResult;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Reports what happened to the git hook; a foreign hook left in place is a problem (exit 1). */
final class HooksOutput {
  private HooksOutput() {}

  /** The report as JSON ({@code --json}). */
  static String json(InstallReport report) {
    Map<String, Object> m = JournalJson.top();
    m.put("settings_file", report.settingsFile().toString());
    m.put("changed", report.changed());
    m.put("unchanged", report.unchanged());
    m.put("script", report.script().toString());
    m.put(
        "git_hook",
        report
            .gitHook()
            .map(
                g -> {
                  Map<String, Object> h = new LinkedHashMap<>();
                  h.put("outcome", g.outcome().name().toLowerCase(Locale.ROOT));
                  h.put("file", g.hookFile().toString());
                  return h;
                })
            .orElse(null));
    return JournalJson.write(m);
  }

  /** The exit code: a foreign git hook left in place is a problem found. */
  static int exitCode(InstallReport report) {
    return report
            .gitHook()
            .filter(g -> g.outcome() == GitHookResult.Outcome.FOREIGN_HOOK_KEPT)
            .isPresent()
        ? ExitCodes.PROBLEM_FOUND
        : ExitCodes.OK;
  }

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
