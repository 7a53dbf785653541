package dev.blueprint.tools.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.Diagnostic;
import dev.blueprint.tools.blueprint.Durations;
import dev.blueprint.tools.blueprint.Task;
import dev.blueprint.tools.validate.TaskRule;
import java.util.List;

/**
 * E_BAD_DURATION for a timeout or delay that is not a duration; W_NON_ISO_DURATION for shorthand
 * such as {@code 24h}, which is read but is not ISO-8601 ({@code PT24H}) or seconds.
 */
public final class DurationRule implements TaskRule {
  private static final String[] TASK_FIELDS = {
    "/resources/timeout",
    "/execution_context/timeout",
    "/on_failure/retry_delay",
    "/human_required/timeout",
    "/verification/smoke/timeout",
    "/verification/unit/timeout",
    "/verification/integration/timeout",
    "/verification/e2e/timeout",
  };
  private static final String[] EXECUTION_FIELDS = {
    "/lock_arbitration/default_timeout", "/timeout/task_default_seconds", "/timeout/task_default",
  };

  /** Compiled once: compiling pointers per task dominated the run time on 100k tasks. */
  private static final java.util.Map<String, com.fasterxml.jackson.core.JsonPointer> POINTERS =
      java.util.Arrays.stream(TASK_FIELDS)
          .collect(
              java.util.stream.Collectors.toMap(
                  f -> f, com.fasterxml.jackson.core.JsonPointer::compile));

  @Override
  public TaskRule.Pass start(Blueprint b, List<Diagnostic> out) {
    return new TaskRule.Pass() {
      @Override
      public void task(Task t) {
        for (String f : TASK_FIELDS) {
          JsonNode v = t.raw().at(POINTERS.get(f));
          if (!v.isMissingNode() && !v.isNull()) {
            check(v, TaskIndex.name(t) + " " + dotted(f), t.id(), TaskIndex.lineOf(t, f), out);
          }
        }
      }

      @Override
      public void finish() {
        if (b.execution().raw() != null) {
          for (String f : EXECUTION_FIELDS) {
            check(
                b.execution().raw().at(f),
                "execution." + dotted(f),
                null,
                b.execution().line(),
                out);
          }
        }
      }
    };
  }

  private static String dotted(String pointer) {
    return pointer.substring(1).replace('/', '.');
  }

  private static void check(
      JsonNode v, String field, String taskId, int line, List<Diagnostic> out) {
    if (v == null || v.isMissingNode() || v.isNull()) {
      return;
    }
    if (v.isIntegralNumber() && v.asLong() >= 0) {
      return; // whole seconds (2.1)
    }
    String text = v.isContainerNode() ? v.toString() : v.asText();
    if (Durations.isStandard(text)) {
      return;
    }
    if (!v.isContainerNode() && Durations.parse(text).isPresent()) {
      out.add(
          Diagnostic.warning(
              "W_NON_ISO_DURATION",
              field
                  + " (line "
                  + line
                  + ") '"
                  + text
                  + "' is read as "
                  + Durations.parse(text).get()
                  + "; write it as ISO-8601 ("
                  + Durations.parse(text).get()
                  + ") or whole seconds",
              taskId,
              line));
      return;
    }
    out.add(
        Diagnostic.error(
            "E_BAD_DURATION",
            field
                + " (line "
                + line
                + ") '"
                + text
                + "' is not a duration; write ISO-8601 such as PT2M or PT1H30M, or whole seconds",
            taskId,
            line));
  }
}
