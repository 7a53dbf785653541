package dev.blueprint.server.cli;

import dev.blueprint.tools.status.RunStore;
import dev.blueprint.tools.status.TaskRun;
import dev.blueprint.tools.status.TaskState;
import java.io.PrintWriter;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Live progress of a run on stderr: one line per task state change, read from the run store (the
 * engine's record, so the lines say what really happened), and on a terminal a progress bar line
 * under them.
 */
final class ProgressLines implements AutoCloseable {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final int BAR = 30;

  private final RunStore store;
  private final String runId;
  private final PrintWriter err;
  private final boolean tty;
  private final Map<String, TaskState> seen = new HashMap<>();
  private final Thread thread;
  private volatile boolean stop;
  private boolean barShown;

  private ProgressLines(RunStore store, String runId, PrintWriter err, boolean tty) {
    this.store = store;
    this.runId = runId;
    this.err = err;
    this.tty = tty;
    this.thread = new Thread(this::loop, "bp-progress");
    thread.setDaemon(true);
  }

  static ProgressLines start(RunStore store, String runId, PrintWriter err, boolean tty) {
    ProgressLines p = new ProgressLines(store, runId, err, tty);
    p.thread.start();
    return p;
  }

  private void loop() {
    while (!stop) {
      poll();
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private synchronized void poll() {
    List<TaskRun> tasks = store.tasks(runId);
    StringBuilder lines = new StringBuilder();
    int done = 0;
    int running = 0;
    for (TaskRun t : tasks) {
      if (t.state().isFinal()) {
        done++;
      } else if (t.state() == TaskState.RUNNING) {
        running++;
      }
      TaskState before = seen.put(t.taskId(), t.state());
      if (before == t.state() || (before == null && t.state() == TaskState.PENDING)) {
        continue;
      }
      lines.append(LocalTime.now(ZoneOffset.UTC).format(TIME)).append(' ');
      lines.append(t.taskId()).append(' ').append(t.state().wire());
      if (t.state() == TaskState.RUNNING) {
        lines.append(" (attempt ").append(t.attempts()).append(')');
      }
      if (t.error() != null && t.state() != TaskState.LANDED) {
        lines.append(": ").append(t.error().code()).append(' ').append(t.error().message());
      }
      lines.append('\n');
    }
    if (lines.isEmpty() && !tty) {
      return;
    }
    if (barShown) {
      err.print("\r\033[K");
    }
    err.print(lines);
    if (tty) {
      int filled = tasks.isEmpty() ? 0 : done * BAR / tasks.size();
      err.print(
          "["
              + "#".repeat(filled)
              + ".".repeat(BAR - filled)
              + "] "
              + done
              + "/"
              + tasks.size()
              + " done, "
              + running
              + " running");
      barShown = true;
    }
    err.flush();
  }

  @Override
  public void close() {
    stop = true;
    // no interrupt: the thread may be inside a database call; it sleeps at most 200 ms
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    poll();
    if (barShown) {
      err.println();
    }
    err.flush();
  }
}
