package dev.blueprint.server.cli;

import dev.blueprint.tools.status.QueueDepth;
import dev.blueprint.tools.status.Run;
import dev.blueprint.tools.status.RunStatus;
import dev.blueprint.tools.status.TaskState;
import dev.blueprint.tools.status.WaveProgress;
import dev.blueprint.tools.status.WorkerSlots;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bp status} for people. Plain lines by default (also what {@code --watch} prints when the
 * output is not a terminal, one block per change); with {@code bars}, the progress parts (all
 * tasks, each wave, the worker slots) are drawn as bars for a terminal that redraws in place. No
 * progress bar library is in the build, so the bars are drawn here, as {@link ProgressLines} draws
 * its own.
 */
final class StatusText {
  static final int BAR = 30;

  private StatusText() {}

  /** The plain text: run line, counts, waves, workers, queue, a line per task, cost, log slice. */
  static String plain(RunStatus s) {
    return render(s, false, true);
  }

  /**
   * What a watcher compares to decide whether anything happened: the plain text without the
   * durations, which change every second while anything runs.
   */
  static String changeKey(RunStatus s) {
    return render(s, false, false);
  }

  /** The terminal view: as {@link #plain} with the progress lines drawn as bars. */
  static String bars(RunStatus s) {
    return render(s, true, true);
  }

  private static String render(RunStatus s, boolean bars, boolean times) {
    StringBuilder b = new StringBuilder();
    Run r = s.run();
    b.append("run ").append(r.id()).append(": ").append(r.state().wire());
    if (times && s.durationMs() != null) {
      b.append(", ").append(seconds(s.durationMs()));
    }
    b.append(", ").append(r.blueprintPath()).append(" onto ").append(r.baseBranch()).append('\n');
    b.append(counts(s.counts())).append('\n');
    if (bars) {
      progressBars(b, s);
    } else {
      progressLines(b, s);
    }
    for (RunStatus.TaskLine t : s.tasks()) {
      b.append(taskLine(t, times)).append('\n');
    }
    b.append(
        s.costUsd() == null
            ? "cost not reported"
            : String.format(Locale.ROOT, "cost $%.4f", s.costUsd()));
    b.append(", ").append(s.tokens() == null ? 0 : s.tokens().total()).append(" tokens");
    if (s.log() != null) {
      b.append("\n--- log of ")
          .append(s.log().taskId())
          .append(" (")
          .append(s.log().path())
          .append("; continue with --log-offset ")
          .append(s.log().tail().nextOffset())
          .append(") ---\n")
          .append(s.log().tail().text());
    }
    return b.toString();
  }

  private static String taskLine(RunStatus.TaskLine t, boolean times) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "  %-12s %-13s", t.taskId(), t.state().wire()));
    if (t.attempts() > 0) {
      b.append(" attempt ").append(t.attempts());
      if (t.agent() != null) {
        b.append(" (").append(t.agent()).append(')');
      }
      if (times && t.durationMs() != null) {
        b.append(' ').append(seconds(t.durationMs()));
      }
      if (times && t.totalDurationMs() != null && !t.totalDurationMs().equals(t.durationMs())) {
        b.append(", ").append(seconds(t.totalDurationMs())).append(" in all");
      }
    }
    if (t.error() != null && t.state() != TaskState.LANDED) {
      b.append("  ").append(t.error().code()).append(": ").append(t.error().message());
    }
    return b.toString().stripTrailing();
  }

  private static void progressLines(StringBuilder b, RunStatus s) {
    WaveProgress w = s.waveProgress();
    if (w != null && w.total() > 0) {
      b.append(w.current() == null ? "waves: all " + w.total() + " done" : waveLine(w));
      b.append(" (");
      for (WaveProgress.Wave wave : w.waves()) {
        if (wave.number() > 1) {
          b.append(", ");
        }
        b.append(wave.number()).append(": ").append(wave.done()).append('/').append(wave.total());
      }
      b.append(")\n");
    }
    WorkerSlots slots = s.workerSlots();
    if (slots != null) {
      b.append("workers: ").append(slots.busy()).append(" of ").append(slots.limit());
      b.append(" busy (limit from ").append(slots.limitSource()).append(")\n");
    }
    if (s.queueDepth() != null) {
      b.append("queue: ").append(queue(s.queueDepth())).append('\n');
    }
  }

  private static String waveLine(WaveProgress w) {
    return "waves: wave " + w.current() + " of " + w.total();
  }

  private static void progressBars(StringBuilder b, RunStatus s) {
    int total = s.tasks().size();
    int done = (int) s.tasks().stream().filter(t -> t.state().isFinal()).count();
    int running = s.counts().getOrDefault(TaskState.RUNNING, 0);
    b.append(label("all")).append(bar(done, total)).append(' ').append(done).append('/');
    b.append(total).append(" done");
    if (running > 0) {
      b.append(", ").append(running).append(" running");
    }
    b.append('\n');
    WaveProgress w = s.waveProgress();
    if (w != null) {
      for (WaveProgress.Wave wave : w.waves()) {
        b.append(label("wave " + wave.number())).append(bar(wave.done(), wave.total()));
        b.append(' ').append(wave.done()).append('/').append(wave.total());
        if (wave.running() > 0) {
          b.append(", ").append(wave.running()).append(" running");
        }
        if (w.current() != null && w.current() == wave.number()) {
          b.append("  <- current");
        }
        b.append('\n');
      }
    }
    WorkerSlots slots = s.workerSlots();
    if (slots != null) {
      b.append(label("workers")).append(bar(slots.busy(), slots.limit())).append(' ');
      b.append(slots.busy()).append('/').append(slots.limit()).append(" busy\n");
    }
    if (s.queueDepth() != null) {
      b.append(label("queue")).append(queue(s.queueDepth())).append('\n');
    }
  }

  private static String label(String text) {
    return String.format(Locale.ROOT, "%-8s ", text);
  }

  /** {@code [#####.....]}: filled in proportion, full only when all are done. */
  static String bar(int done, int total) {
    int filled = total <= 0 ? 0 : (int) Math.min(BAR, (long) done * BAR / total);
    return "[" + "#".repeat(filled) + ".".repeat(BAR - filled) + "]";
  }

  private static String queue(QueueDepth q) {
    return q.pending()
        + (q.pending() == 1 ? " change" : " changes")
        + " waiting ("
        + q.pendingForRun()
        + " of this run)";
  }

  private static String counts(Map<TaskState, Integer> counts) {
    StringBuilder c = new StringBuilder();
    for (Map.Entry<TaskState, Integer> e : counts.entrySet()) {
      if (c.length() > 0) {
        c.append(", ");
      }
      c.append(e.getValue()).append(' ').append(e.getKey().wire());
    }
    return c.toString();
  }

  private static String seconds(long ms) {
    return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
  }
}
