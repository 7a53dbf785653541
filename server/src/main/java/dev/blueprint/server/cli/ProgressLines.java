package dev.blueprint.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprint.tools.status.Event;
import dev.blueprint.tools.status.EventName;
import dev.blueprint.tools.status.RunStore;
import dev.blueprint.tools.status.TaskRun;
import dev.blueprint.tools.status.TaskState;
import java.io.PrintWriter;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

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
  private long lastSeq;
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
    StringBuilder lines = new StringBuilder();
    // the events are the record of every state change, so none is missed however fast it was
    for (Event e : store.events(runId, lastSeq)) {
      lastSeq = e.seq();
      if (e.taskId() == null || !e.event().wire().startsWith("task.")) {
        continue;
      }
      String state =
          e.event() == EventName.TASK_START ? "running" : e.data().path("state").asText("");
      if (state.isEmpty()) {
        continue;
      }
      lines.append(LocalTime.now(ZoneOffset.UTC).format(TIME)).append(' ');
      lines.append(e.taskId()).append(' ').append(state);
      if (e.event() == EventName.TASK_START) {
        lines.append(" (attempt ").append(e.data().path("attempt").asInt());
        lines.append(", ").append(e.data().path("agent").asText()).append(')');
      } else if (e.data().has("error")) {
        JsonNode err = e.data().get("error");
        lines.append(": ").append(err.path("code").asText());
        lines.append(' ').append(err.path("message").asText());
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
      List<TaskRun> tasks = store.tasks(runId);
      long done = tasks.stream().filter(t -> t.state().isFinal()).count();
      long running = tasks.stream().filter(t -> t.state() == TaskState.RUNNING).count();
      int filled = tasks.isEmpty() ? 0 : (int) (done * BAR / tasks.size());
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
