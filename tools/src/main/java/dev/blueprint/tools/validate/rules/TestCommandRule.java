package dev.blueprint.tools.validate.rules;

import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.Diagnostic;
import dev.blueprint.tools.blueprint.Task;
import dev.blueprint.tools.blueprint.VerificationStep;
import dev.blueprint.tools.validate.TaskRule;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * W_TRIVIAL_TEST: a test that passes whatever the task did ({@code true}, {@code echo ...}, {@code
 * exit 0}); W_TEST_MISMATCH: a legacy test_command that differs from every verification command, so
 * which one proves the task is unclear.
 */
public final class TestCommandRule implements TaskRule {
  private static final Pattern SPLIT = Pattern.compile("&&|\\|\\||;|\\n");
  private static final Pattern TRIVIAL =
      Pattern.compile(
          "^(true|:|exit 0|exit|echo( .*)?|printf( .*)?|(ba)?sh -c [\"'](true|exit 0|:)[\"'])$");

  /**
   * Cheap pre-check: a trivial command contains one of {@code true : exit echo printf}. Plain
   * {@code indexOf}s rather than a regex alternation: no matcher per task on large blueprints.
   */
  private static boolean maybeTrivial(String command) {
    return command.indexOf(':') >= 0
        || command.contains("true")
        || command.contains("exit")
        || command.contains("echo")
        || command.contains("printf");
  }

  @Override
  public TaskRule.Pass start(Blueprint b, List<Diagnostic> out) {
    return new TaskRule.Pass() {
      @Override
      public void task(Task t) {
        String who = TaskIndex.name(t);
        if (isTrivial(t.testCommand())) {
          int line = TaskIndex.lineOf(t, "/test_command");
          out.add(trivial(who + " test_command", t, line, t.testCommand()));
        }
        for (VerificationStep v : t.verification()) {
          if (isTrivial(v.command())) {
            out.add(
                trivial(
                    who + " verification." + v.tier().name().toLowerCase(Locale.ROOT) + ".command",
                    t,
                    v.line(),
                    v.command()));
          }
        }
        if (t.testCommand() != null && !t.verification().isEmpty()) {
          String tc = t.testCommand().trim();
          boolean same =
              t.verification().stream()
                  .anyMatch(v -> v.command() != null && v.command().trim().equals(tc));
          if (!same) {
            int line = TaskIndex.lineOf(t, "/test_command");
            out.add(
                Diagnostic.warning(
                    "W_TEST_MISMATCH",
                    who
                        + " has both test_command (line "
                        + line
                        + ") and verification, and they differ; the verification tiers are run, so"
                        + " move test_command into verification.unit or drop it",
                    t.id(),
                    line));
          }
        }
      }
    };
  }

  private static Diagnostic trivial(String field, Task t, int line, String command) {
    String shown = command.strip().replace('\n', ' ');
    if (shown.length() > 60) {
      shown = shown.substring(0, 57) + "...";
    }
    return Diagnostic.warning(
        "W_TRIVIAL_TEST",
        field
            + " (line "
            + line
            + ") '"
            + shown
            + "' passes whatever the task did; test something the task produces",
        t.id(),
        line);
  }

  /** Every step of the command (split on &&, ||, ; and lines, comments dropped) is trivial. */
  static boolean isTrivial(String command) {
    if (command == null || !maybeTrivial(command)) {
      return false;
    }
    boolean any = false;
    for (String raw : SPLIT.split(command.replace("\\\n", " "))) {
      String step = raw.strip();
      if (step.isEmpty() || step.startsWith("#")) {
        continue;
      }
      any = true;
      if (step.contains("|") || step.contains("$(") || step.contains("`")) {
        return false; // a pipe or substitution can fail: a real check
      }
      if (!TRIVIAL.matcher(step).matches()) {
        return false;
      }
    }
    return any;
  }
}
