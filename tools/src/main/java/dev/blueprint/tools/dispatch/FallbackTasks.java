package dev.blueprint.tools.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.FailureAction;
import dev.blueprint.tools.status.Event;
import dev.blueprint.tools.status.EventName;
import dev.blueprint.tools.status.Level;
import dev.blueprint.tools.status.Phase;
import dev.blueprint.tools.status.RunStore;
import dev.blueprint.tools.status.TaskState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The coordinator's book of {@code on_failure.fallback_task}s: which given-up tasks wait on which
 * fallback, which fallbacks must start regardless of their own dependencies, and which tasks a
 * landed fallback replaced (they no longer hold back their dependents).
 *
 * <p>A fallback runs at most once: it is started only while it is still pending, so a fallback that
 * already ran as a scheduled task (landed or failed) is judged by that outcome. Replacements are
 * recorded as a {@code task.complete} event of the fallback with {@code data.replaced}, so a
 * resumed run knows them again. Used by one coordinator thread only.
 */
final class FallbackTasks {
  private static final String REPLACED = "replaced";

  private final RunStore store;
  private final String runId;
  private final Clock clock;
  private final Map<String, List<String>> waiting = new LinkedHashMap<>();
  private final Set<String> replaced = new HashSet<>();
  private final Set<String> announced = new HashSet<>();

  FallbackTasks(RunStore store, String runId, Clock clock) {
    this.store = store;
    this.runId = runId;
    this.clock = clock;
    for (Event e : store.events(runId, 0)) {
      if (e.event() == EventName.TASK_COMPLETE && e.data().hasNonNull(REPLACED)) {
        replaced.add(e.data().get(REPLACED).asText());
      }
    }
  }

  /** Tasks a landed fallback stands in for. */
  Set<String> replaced() {
    return replaced;
  }

  boolean awaiting() {
    return !waiting.isEmpty();
  }

  /** The original gave up; its fallback should run in its place. */
  void await(String original, String fallback) {
    waiting.computeIfAbsent(fallback, f -> new ArrayList<>()).add(original);
  }

  /** Fallbacks to start now whatever their dependencies say: pending and not running. */
  Set<String> toStart(Map<String, TaskState> states, Set<String> running) {
    Set<String> ids = new LinkedHashSet<>();
    for (String f : waiting.keySet()) {
      if (states.get(f) == TaskState.PENDING && !running.contains(f)) {
        ids.add(f);
      }
    }
    return ids;
  }

  /** The engine is starting a task; if it runs as a fallback, say for which tasks (once). */
  void starting(String taskId) {
    List<String> originals = waiting.get(taskId);
    if (originals != null && announced.add(taskId)) {
      ObjectNode data = JsonNodeFactory.instance.objectNode();
      data.put("fallback_for", String.join(",", originals));
      record(
          EventName.TASK_START,
          Level.INFO,
          taskId,
          "runs as the fallback of " + String.join(", ", originals),
          data);
    }
  }

  /**
   * Settles every fallback that has finished: landed ones replace their originals; failed ones
   * apply each original's own {@code on_failure.action}. Returns true when one of those actions is
   * abort.
   */
  boolean resolve(Blueprint bp, Map<String, TaskState> states, Set<String> running) {
    boolean abort = false;
    for (var it = waiting.entrySet().iterator(); it.hasNext(); ) {
      var entry = it.next();
      String fallback = entry.getKey();
      TaskState s = states.get(fallback);
      if (running.contains(fallback) || s == TaskState.PENDING || s == TaskState.WAITING_HUMAN) {
        continue;
      }
      it.remove();
      for (String original : entry.getValue()) {
        if (s == TaskState.LANDED) {
          replaced.add(original);
          ObjectNode data = JsonNodeFactory.instance.objectNode();
          data.put("fallback_for", original);
          data.put(REPLACED, original);
          record(
              EventName.TASK_COMPLETE,
              Level.INFO,
              fallback,
              "fallback landed; it replaces " + original,
              data);
        } else {
          abort |= fallbackFailed(bp, original, fallback, s);
        }
      }
    }
    return abort;
  }

  private boolean fallbackFailed(Blueprint bp, String original, String fallback, TaskState s) {
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.put("fallback_task", fallback);
    data.put("fallback_state", String.valueOf(s));
    FailureAction action = bp.task(original).orElseThrow().onFailure().action();
    record(
        EventName.TASK_FAILED,
        Level.ERROR,
        original,
        "fallback " + fallback + " did not land (" + s + "); applying on_failure " + action,
        data);
    if (action == FailureAction.SKIP) {
      store.setTaskState(
          runId,
          original,
          TaskState.SKIPPED,
          store.task(runId, original).map(t -> t.error()).orElse(null),
          "skipped: its fallback " + fallback + " did not land");
    }
    return action == FailureAction.ABORT;
  }

  private void record(EventName name, Level level, String taskId, String message, JsonNode data) {
    store.record(
        Event.of(runId, name, clock.instant(), level, taskId, Phase.EXECUTION, message, data));
  }
}
