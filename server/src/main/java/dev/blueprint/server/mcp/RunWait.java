package dev.blueprint.server.mcp;

import dev.blueprint.tools.status.Event;
import dev.blueprint.tools.status.EventName;
import dev.blueprint.tools.status.RunStore;
import dev.blueprint.tools.status.TaskRun;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * {@code dispatch} with {@code wait: true}: holds the call open until the engine stops working on
 * the run, and turns the run's events into {@code notifications/progress} for the caller's progress
 * token: progress is the number of settled tasks (landed, failed, skipped, ...), total the number
 * scheduled, the message what just happened. A notification goes out only when progress grows, as
 * the MCP spec asks.
 */
final class RunWait implements RunWatcher.Listener {
  private final String runId;
  private final ToolCall call;
  private final RunStore store;
  private final int total;
  private int reported;

  RunWait(String runId, ToolCall call, RunStore store) {
    this.runId = runId;
    this.call = call;
    this.store = store;
    this.total = store.tasks(runId).size();
  }

  int total() {
    return total;
  }

  /** Starts listening; call before the engine starts, so no event goes by unseen. */
  void listen(RunWatcher watcher) {
    watcher.add(this);
  }

  /** Waits until {@code engine} (the thread running the run) is done, then stops listening. */
  void await(RunWatcher watcher, Future<?> engine) throws InterruptedException {
    try {
      engine.get();
    } catch (ExecutionException e) {
      // the engine's own failure is in the run store; the final status tells it
    } finally {
      // the last events may have been written after the watcher's last look
      watcher.look();
      watcher.remove(this);
    }
  }

  @Override
  public synchronized void events(String id, List<Event> events) {
    if (!id.equals(runId) || events.isEmpty()) {
      return;
    }
    int settled = (int) store.tasks(runId).stream().filter(RunWait::settled).count();
    if (settled > reported) {
      reported = settled;
      call.progress(settled, total, RunEventText.of(latestSettling(events)).text());
    }
  }

  /** The last event that settled a task, else the last event of the batch. */
  private static Event latestSettling(List<Event> events) {
    for (int i = events.size() - 1; i >= 0; i--) {
      Event e = events.get(i);
      boolean landed =
          e.event() == EventName.TASK_COMPLETE && e.data().path("state").asText().equals("landed");
      if (landed || e.event() == EventName.TASK_FAILED) {
        return e;
      }
    }
    return events.get(events.size() - 1);
  }

  private static boolean settled(TaskRun t) {
    return t.state().isFinal();
  }
}
