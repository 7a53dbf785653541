package dev.blueprint.tools.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.Diagnostic;
import dev.blueprint.tools.blueprint.Task;
import dev.blueprint.tools.validate.TaskRule;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * E_BAD_VALUE: an enumerated or numeric field with a value BSF does not define, which the reader
 * would otherwise quietly replace by its default (an unknown lock mode read as exclusive, ...).
 */
public final class ValueRule implements TaskRule {
  private static final Set<String> MODES = Set.of("exclusive", "shared");
  private static final Set<String> ACTIONS = Set.of("block", "abort", "skip");
  private static final Set<String> TRANSFERS = Set.of("stdout", "file", "memory", "network");
  private static final Set<String> DEP_TYPES = Set.of("data", "completion", "resource");
  private static final Set<String> ON_MISSING =
      Set.of("abort", "prompt", "skip_task", "use_default");

  @Override
  public TaskRule.Pass start(Blueprint b, List<Diagnostic> out) {
    JsonNode exec = b.execution().raw();
    int el = b.execution().line();
    if (exec != null) {
      JsonNode max = exec.get("max_parallel_tasks");
      if (max != null
          && !max.isNull()
          && !(max.canConvertToInt() && max.isIntegralNumber() && max.intValue() > 0)) {
        out.add(bad("execution.max_parallel_tasks", max, "a whole number of at least 1", null, el));
      }
      JsonNode locks = exec.get("resource_locks");
      if (locks != null && locks.isArray()) {
        for (JsonNode l : locks) {
          JsonNode mode = l.has("mode") ? l.get("mode") : l.get("type");
          enumerated(
              "execution.resource_locks[" + l.path("name").asText() + "].mode",
              mode,
              MODES,
              null,
              el,
              out);
        }
      }
      enumerated(
          "execution.secret_resolution.on_missing",
          exec.at("/secret_resolution/on_missing"),
          ON_MISSING,
          null,
          el,
          out);
    }
    return new TaskRule.Pass() {
      @Override
      public void task(Task t) {
        JsonNode raw = t.raw();
        JsonNode locks = raw.path("resources").path("locks");
        for (int i = 0; locks.isArray() && i < locks.size(); i++) {
          JsonNode l = locks.get(i);
          JsonNode mode = l.has("mode") ? l.get("mode") : l.get("type");
          if (invalid(mode, MODES)) { // findings only: no message text or line lookup per lock
            enumerated(
                TaskIndex.name(t) + " " + "resources.locks[" + i + "].mode",
                mode,
                MODES,
                t.id(),
                TaskIndex.lineOf(t, "/resources/locks/" + i),
                out);
          }
        }
        JsonNode action = raw.path("on_failure").path("action");
        if (!action.isMissingNode()) { // most tasks have none: no message text or line lookup
          enumerated(
              TaskIndex.name(t) + " " + "on_failure.action",
              action,
              ACTIONS,
              t.id(),
              TaskIndex.lineOf(t, "/on_failure/action"),
              out);
        }
        JsonNode retries = raw.path("on_failure").path("max_retries");
        if (!retries.isMissingNode()
            && !retries.isNull()
            && !(retries.isIntegralNumber() && retries.asInt() >= 0)) {
          out.add(
              bad(
                  TaskIndex.name(t) + " " + "on_failure.max_retries",
                  retries,
                  "a whole number, 0 or more",
                  t.id(),
                  TaskIndex.lineOf(t, "/on_failure/max_retries")));
        }
        JsonNode bindings = raw.get("input_bindings");
        if (bindings != null && bindings.isObject()) {
          bindings
              .fields()
              .forEachRemaining(
                  e -> {
                    if (!invalid(e.getValue().get("transfer"), TRANSFERS)) {
                      return;
                    }
                    String p = "/input_bindings/" + StringFields.escape(e.getKey()) + "/transfer";
                    enumerated(
                        TaskIndex.name(t) + " " + "input_bindings." + e.getKey() + ".transfer",
                        e.getValue().get("transfer"),
                        TRANSFERS,
                        t.id(),
                        TaskIndex.lineOf(t, p),
                        out);
                  });
        }
        JsonNode deps = raw.get("dependencies");
        for (int i = 0; deps != null && deps.isArray() && i < deps.size(); i++) {
          if (deps.get(i).isObject() && invalid(deps.get(i).get("type"), DEP_TYPES)) {
            enumerated(
                TaskIndex.name(t) + " " + "dependencies[" + i + "].type",
                deps.get(i).get("type"),
                DEP_TYPES,
                t.id(),
                TaskIndex.lineOf(t, "/dependencies/" + i),
                out);
          }
        }
        if (deps != null && deps.isObject()) {
          out.add(
              bad(
                  TaskIndex.name(t) + " " + "dependencies",
                  deps,
                  "a list of task ids",
                  t.id(),
                  TaskIndex.lineOf(t, "/dependencies")));
        }
      }
    };
  }

  /** Whether {@link #enumerated} would report {@code v}. */
  private static boolean invalid(JsonNode v, Set<String> allowed) {
    return v != null
        && !v.isMissingNode()
        && !v.isNull()
        && (v.isContainerNode() || !allowed.contains(v.asText().trim().toLowerCase(Locale.ROOT)));
  }

  private static void enumerated(
      String field,
      JsonNode v,
      Set<String> allowed,
      String taskId,
      int line,
      List<Diagnostic> out) {
    if (v == null || v.isMissingNode() || v.isNull()) {
      return;
    }
    if (v.isContainerNode() || !allowed.contains(v.asText().trim().toLowerCase(Locale.ROOT))) {
      out.add(
          bad(
              field,
              v,
              "one of " + String.join(", ", new java.util.TreeSet<>(allowed)),
              taskId,
              line));
    }
  }

  private static Diagnostic bad(
      String field, JsonNode v, String expected, String taskId, int line) {
    String shown = v.isContainerNode() ? v.toString() : v.asText();
    if (shown.length() > 60) {
      shown = shown.substring(0, 57) + "...";
    }
    return Diagnostic.error(
        "E_BAD_VALUE",
        field + " (line " + line + ") is '" + shown + "'; it must be " + expected,
        taskId,
        line);
  }
}
