package dev.blueprint.tools.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.Diagnostic;
import dev.blueprint.tools.blueprint.PreflightCheck;
import dev.blueprint.tools.blueprint.Task;
import dev.blueprint.tools.validate.Rule;
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
public final class VariableRule implements Rule {
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

  /** The top-level task fields INTERPOLATED can match under. */
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
    List<Diagnostic> out = new ArrayList<>();
    for (Task t : b.tasks()) {
      for (String key : ROOTS) {
        JsonNode v = t.raw().get(key);
        if (v == null) {
          continue;
        }
        StringFields.forEach(
            v,
            "/" + key,
            (path, value) -> {
              if (!value.contains("${")) {
                return;
              }
              String pointer = path.pointer();
              if (INTERPOLATED.matcher(pointer).matches()) {
                String field = TaskIndex.name(t) + " " + pointer.substring(1).replace('/', '.');
                check(value, field, t.id(), TaskIndex.lineOf(t, pointer), out);
              }
            });
      }
    }
    for (PreflightCheck p : b.execution().preflightChecks()) {
      check(p.command(), "execution.preflight_checks command", null, p.line(), out);
    }
    return out;
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
