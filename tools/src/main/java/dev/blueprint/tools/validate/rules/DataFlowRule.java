package dev.blueprint.tools.validate.rules;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.Diagnostic;
import dev.blueprint.tools.blueprint.Task;
import dev.blueprint.tools.validate.TaskRule;
import java.util.ArrayList;
import java.util.List;

/**
 * The strict v2 data flow, for files that claim BSF 2.x and are not in {@code compatibility_mode:
 * v1_migration}: every task declares what it produces ({@code output}, or 2.1 {@code
 * interface.outputs}), else E_MISSING_FIELD. Tasks with dependencies but no {@code input_bindings}
 * (nor 2.1 {@code interface.inputs}) are summed up in one I_NO_INPUT_BINDINGS: real 2.0 files leave
 * them out and rely on files in the repository, which works, so it is not an error. Files before
 * 2.0 (or without a version) are not held to either.
 */
public final class DataFlowRule implements TaskRule {
  // Compiled once: JsonNode.at(String) parses its pointer on every call, once per task.
  private static final JsonPointer OUTPUTS = JsonPointer.compile("/interface/outputs");
  private static final JsonPointer INPUTS = JsonPointer.compile("/interface/inputs");

  @Override
  public TaskRule.Pass start(Blueprint b, List<Diagnostic> out) {
    Dialect dialect = Dialect.of(b);
    if (!dialect.strictV2()) {
      return t -> {};
    }
    List<String> unbound = new ArrayList<>();
    return new TaskRule.Pass() {
      @Override
      public void task(Task t) {
        if (!TaskIndex.fromDocument(t)) {
          return;
        }
        JsonNode raw = t.raw();
        boolean outputs =
            raw.has("output") && !raw.get("output").isNull() || raw.at(OUTPUTS).size() > 0;
        if (!outputs) {
          out.add(
              Diagnostic.error(
                  "E_MISSING_FIELD",
                  TaskIndex.name(t)
                      + " (line "
                      + t.line()
                      + ") has no output; BSF "
                      + dialect.version()
                      + " requires output: {location, path, ports} (or set execution.compatibility_mode:"
                      + " v1_migration)",
                  t.id(),
                  t.line()));
        }
        boolean inputs = raw.has("input_bindings") || raw.at(INPUTS).size() > 0;
        if (!t.dependencies().isEmpty() && !inputs) {
          unbound.add(t.id());
        }
      }

      @Override
      public void finish() {
        if (!unbound.isEmpty()) {
          String list =
              unbound.size() <= 12
                  ? String.join(", ", unbound)
                  : String.join(", ", unbound.subList(0, 12))
                      + " and "
                      + (unbound.size() - 12)
                      + " more";
          out.add(
              Diagnostic.info(
                  "I_NO_INPUT_BINDINGS",
                  unbound.size()
                      + " tasks depend on others but declare no input_bindings, so what they take from"
                      + " their dependencies is implicit: "
                      + list
                      + "; add input_bindings to pass outputs explicitly",
                  null,
                  0));
        }
      }
    };
  }
}
