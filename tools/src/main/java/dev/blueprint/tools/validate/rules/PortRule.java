package dev.blueprint.tools.validate.rules;

import dev.blueprint.tools.blueprint.Binding;
import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.Dependency;
import dev.blueprint.tools.blueprint.Diagnostic;
import dev.blueprint.tools.blueprint.Task;
import dev.blueprint.tools.validate.TaskRule;
import java.util.List;
import java.util.TreeSet;

/**
 * E_UNKNOWN_PORT: a binding or typed dependency names an output port its source does not declare.
 */
public final class PortRule implements TaskRule {
  @Override
  public TaskRule.Pass start(Blueprint b, List<Diagnostic> out) {
    TaskIndex index = TaskIndex.of(b);
    return new TaskRule.Pass() {
      @Override
      public void task(Task t) {
        for (Binding bind : t.bindings()) {
          if (bind.outputPort() == null) {
            continue; // most bindings and dependencies name no port: no message text built for them
          }
          check(
              index,
              t,
              "input_bindings." + bind.name() + ".output_port",
              bind.source(),
              bind.outputPort(),
              bind.line(),
              out);
        }
        for (Dependency d : t.dependencies()) {
          if (d.outputPort() == null) {
            continue;
          }
          check(
              index,
              t,
              "dependencies[" + d.taskId() + "].output_port",
              d.taskId(),
              d.outputPort(),
              d.line(),
              out);
        }
      }
    };
  }

  private static void check(
      TaskIndex index,
      Task t,
      String field,
      String source,
      String port,
      int line,
      List<Diagnostic> out) {
    if (port == null || port.isBlank() || source == null || !index.has(source)) {
      return;
    }
    Task src = index.get(source);
    if (src.outputPorts().contains(port)) {
      return;
    }
    String declared =
        src.outputPorts().isEmpty()
            ? source + " declares no output ports (output.ports)"
            : source + " declares " + String.join(", ", new TreeSet<>(src.outputPorts()));
    out.add(
        Diagnostic.error(
            "E_UNKNOWN_PORT",
            TaskIndex.name(t)
                + " "
                + field
                + " (line "
                + line
                + "): port '"
                + port
                + "' is not an output of "
                + source
                + "; "
                + declared,
            t.id(),
            line));
  }
}
