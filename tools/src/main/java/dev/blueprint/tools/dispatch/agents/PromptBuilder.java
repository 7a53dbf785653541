package dev.blueprint.tools.dispatch.agents;

import dev.blueprint.tools.blueprint.Binding;
import dev.blueprint.tools.blueprint.Task;
import dev.blueprint.tools.blueprint.TestTier;
import dev.blueprint.tools.blueprint.VerificationStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the prompt an LLM agent gets for a task: name, description, interface, acceptance
 * criteria, files to create and modify, the values of its input bindings, and the verification
 * commands it must make pass. Pure text: it is handed to the agent as one argv element or on stdin,
 * never spliced into a shell command.
 */
public final class PromptBuilder {
  private PromptBuilder() {}

  /**
   * @param bindingValues the resolved value of each input binding, by binding name; bindings
   *     without a value are listed with their source only
   */
  public static String build(Task task, Map<String, String> bindingValues) {
    StringBuilder p = new StringBuilder();
    p.append("# Task ").append(task.id()).append(": ").append(task.name()).append("\n\n");
    if (notBlank(task.description())) {
      p.append(task.description().strip()).append("\n\n");
    }
    if (notBlank(task.interfaceInput()) || notBlank(task.interfaceOutput())) {
      p.append("## Interface\n");
      if (notBlank(task.interfaceInput())) {
        p.append("- Input: ").append(task.interfaceInput().strip()).append('\n');
      }
      if (notBlank(task.interfaceOutput())) {
        p.append("- Output: ").append(task.interfaceOutput().strip()).append('\n');
      }
      p.append('\n');
    }
    list(p, "Acceptance criteria", task.acceptanceCriteria());
    list(p, "Files to create", task.filesToCreate());
    list(p, "Files to modify", task.filesToModify());
    if (!task.bindings().isEmpty()) {
      p.append("## Inputs from earlier tasks\n");
      for (Binding b : task.bindings()) {
        p.append("- ").append(b.name()).append(" (from ").append(b.source());
        if (b.outputPort() != null) {
          p.append('.').append(b.outputPort());
        }
        p.append(")");
        String value = bindingValues.get(b.name());
        if (value != null) {
          p.append(":\n\n```\n").append(value).append("\n```");
        }
        p.append('\n');
      }
      p.append('\n');
    }
    List<String> checks = verificationLines(task);
    if (!checks.isEmpty()) {
      p.append("## Verification\nThese commands must pass in this directory when you are done:\n");
      checks.forEach(c -> p.append(c).append('\n'));
      p.append('\n');
    }
    p.append("## Rules\n")
        .append("- Work only inside the current directory.\n")
        .append("- Do not commit: blueprint commits your changes when the verification passes.\n");
    return p.toString();
  }

  private static List<String> verificationLines(Task task) {
    List<String> lines = new ArrayList<>();
    for (VerificationStep s : task.verification()) {
      lines.add("- " + s.tier().name().toLowerCase(Locale.ROOT) + ": `" + s.command() + "`");
    }
    boolean hasUnit = task.verification().stream().anyMatch(s -> s.tier() == TestTier.UNIT);
    if (notBlank(task.testCommand()) && !hasUnit) {
      lines.add("- unit: `" + task.testCommand() + "`");
    }
    return lines;
  }

  private static void list(StringBuilder p, String title, List<String> items) {
    if (items.isEmpty()) {
      return;
    }
    p.append("## ").append(title).append('\n');
    items.forEach(i -> p.append("- ").append(i.strip()).append('\n'));
    p.append('\n');
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
