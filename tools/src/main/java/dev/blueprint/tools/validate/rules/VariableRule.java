package dev.blueprint.tools.validate.rules;

import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.Diagnostic;
import dev.blueprint.tools.blueprint.PreflightCheck;
import dev.blueprint.tools.blueprint.Task;
import dev.blueprint.tools.validate.TaskRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * E_UNKNOWN_VARIABLE: a {@code ${...}} reference that is not a BSF variable, in the fields the
 * engine fills in (commands, paths, working directory, environment values), not in prose.
 *
 * <p>BSF variables are lower case ({@code ${task_id}}, {@code ${secrets.NAME}}). A reference
 * written in upper case ({@code ${REPO_NAME}}, {@code ${REPO_NAME##* /}}) is the shell's or the
 * environment's and is left alone; {@code $${...}} escapes a reference.
 */
public final class VariableRule implements TaskRule {
  static final Set<String> KNOWN =
      Set.of(
          "task_id",
          "blueprint_id",
          "blueprint_root",
          "working_directory",
          "source_task_id",
          "output_port",
          "timestamp",
          "timestamp_unix",
          "executor_id");

  /** Task fields whose text the engine interpolates. */
  private static final Pattern INTERPOLATED =
      Pattern.compile(
          "^/(command(/\\d+)?|test_command|rollback(/command)?|on_success(/command)?"
              + "|verification/[^/]+/command|output/(path|location)|output/ports/[^/]+/value"
              + "|files_to_(create|modify)/\\d+|execution_context/(working_directory|setup_command"
              + "|environment_variables/.+)|implementation/location"
              + "|input_bindings/[^/]+/(source|output_port))$");

  /** The top-level task fields INTERPOLATED can match under, in the order findings are listed. */
  private static final List<String> ROOTS =
      List.of(
          "command",
          "test_command",
          "rollback",
          "on_success",
          "verification",
          "output",
          "files_to_create",
          "files_to_modify",
          "execution_context",
          "implementation",
          "input_bindings");

  private static final Pattern REFERENCE = Pattern.compile("(?<!\\$)(\\$+)\\{([^}]*)}");
  private static final Pattern SHELL_NAME = Pattern.compile("^[A-Z_][A-Z0-9_]*([^A-Za-z0-9_].*)?$");
  private static final Pattern SECRET =
      Pattern.compile("^secrets\\.[A-Za-z_][A-Za-z0-9_.\\-]*(:.*)?$");

  @Override
  public List<Diagnostic> check(Blueprint b) {
    return TaskRules.alone(this, b);
  }

  @Override
  public TaskRule.Pass start(Blueprint b, List<Diagnostic> out) {
    return new StringPass() {
      private Task task;

      /** This task's findings with the ROOTS index of their field (most tasks have none). */
      private final List<Diagnostic> found = new ArrayList<>();

      private final List<Integer> roots = new ArrayList<>();

      @Override
      public void task(Task t) {
        task = t;
      }

      @Override
      public void string(StringFields.Path path, String value) {
        if (!value.contains("${")) {
          return;
        }
        String pointer = path.pointer();
        if (INTERPOLATED.matcher(pointer).matches()) {
          Task t = task;
          String field = TaskIndex.name(t) + " " + pointer.substring(1).replace('/', '.');
          int before = found.size();
          check(value, field, t.id(), TaskIndex.lineOf(t, pointer), found);
          for (int i = before; i < found.size(); i++) {
            roots.add(ROOTS.indexOf(path.first()));
          }
        }
      }

      @Override
      public void endTask(Task t) {
        if (found.isEmpty()) {
          return;
        }
        // The walk meets fields in the task's order; this rule lists them in ROOTS order (stable).
        Integer[] order = new Integer[found.size()];
        for (int i = 0; i < order.length; i++) {
          order[i] = i;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingInt(roots::get));
        for (int i : order) {
          out.add(found.get(i));
        }
        found.clear();
        roots.clear();
      }

      @Override
      public void finish() {
        for (PreflightCheck p : b.execution().preflightChecks()) {
          check(p.command(), "execution.preflight_checks command", null, p.line(), out);
        }
      }
    };
  }

  private static void check(
      String value, String field, String taskId, int line, List<Diagnostic> out) {
    if (value == null || !value.contains("${")) {
      return;
    }
    Matcher m = REFERENCE.matcher(value);
    while (m.find()) {
      if (m.group(1).length() % 2 == 0) {
        continue; // $${...} is an escaped, literal ${...}
      }
      String body = m.group(2).trim();
      if (KNOWN.contains(body)
          || SECRET.matcher(body).matches()
          || SHELL_NAME.matcher(body).matches()) {
        continue;
      }
      out.add(
          Diagnostic.error(
              "E_UNKNOWN_VARIABLE",
              field
                  + " (line "
                  + line
                  + ") uses ${"
                  + body
                  + "}, which is not a blueprint variable; use one of "
                  + String.join(", ", new java.util.TreeSet<>(KNOWN))
                  + " or ${secrets.NAME}, write $${"
                  + body
                  + "} for a literal, or an upper-case name for a shell variable",
              taskId,
              line));
    }
  }
}
