package dev.blueprint.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blueprint.tools.status.BsfError;
import dev.blueprint.tools.status.ErrorCode;
import dev.blueprint.tools.status.Phase;
import dev.blueprint.tools.status.QueueDepth;
import dev.blueprint.tools.status.Run;
import dev.blueprint.tools.status.RunState;
import dev.blueprint.tools.status.RunStatus;
import dev.blueprint.tools.status.TaskState;
import dev.blueprint.tools.status.TokenUsage;
import dev.blueprint.tools.status.WaveProgress;
import dev.blueprint.tools.status.WorkerSlots;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The status text for people, pinned exactly: plain lines, and the terminal's bars. */
class StatusTextTest {
  private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");

  private static RunStatus status() {
    Map<TaskState, Integer> counts = new EnumMap<>(TaskState.class);
    counts.put(TaskState.RUNNING, 1);
    counts.put(TaskState.LANDED, 1);
    counts.put(TaskState.FAILED, 1);
    counts.put(TaskState.PENDING, 1);
    BsfError err = BsfError.of(ErrorCode.E_EXECUTION_FAILED, "exit 3", "T2", Phase.EXECUTION, T0);
    List<RunStatus.TaskLine> tasks =
        List.of(
            new RunStatus.TaskLine(
                "T1", TaskState.LANDED, 1, "command", T0, T0, 5_000L, null, null, 5_000L, 1),
            new RunStatus.TaskLine(
                "T2", TaskState.FAILED, 2, "command", T0, T0, 2_000L, null, err, 3_500L, 1),
            new RunStatus.TaskLine(
                "T3", TaskState.RUNNING, 1, "claude", T0, null, 12_300L, 0.5, null, 12_300L, 2),
            new RunStatus.TaskLine(
                "T4", TaskState.PENDING, 0, null, null, null, null, null, null, null, 3));
    WaveProgress waves =
        new WaveProgress(
            2,
            3,
            List.of(
                new WaveProgress.Wave(1, List.of("T1", "T2"), 2, 2, 1, 0),
                new WaveProgress.Wave(2, List.of("T3"), 1, 0, 0, 1),
                new WaveProgress.Wave(3, List.of("T4"), 1, 0, 0, 0)),
            List.of());
    return new RunStatus(
        1,
        new Run("01RUN", "/r/w.bp.md", "main", RunState.RUNNING, T0, null),
        20_000L,
        counts,
        tasks,
        0.5,
        new TokenUsage(100, 20, 0, 0),
        null,
        waves,
        new WorkerSlots(3, 1, 2, WorkerSlots.FROM_BLUEPRINT),
        new QueueDepth(2, 1));
  }

  @Test
  void plainTextShowsWavesWorkersQueueAndEveryTaskWithItsDurations() {
    assertThat(StatusText.plain(status()))
        .isEqualTo(
            """
            run 01RUN: running, 20.0 s, /r/w.bp.md onto main
            1 pending, 1 running, 1 landed, 1 failed
            waves: wave 2 of 3 (1: 2/2, 2: 0/1, 3: 0/1)
            workers: 1 of 3 busy (limit from blueprint)
            queue: 2 changes waiting (1 of this run)
              T1           landed        attempt 1 (command) 5.0 s
              T2           failed        attempt 2 (command) 2.0 s, 3.5 s in all  \
            E_EXECUTION_FAILED: exit 3
              T3           running       attempt 1 (claude) 12.3 s
              T4           pending
            cost $0.5000, 120 tokens""");
  }

  @Test
  void onATerminalTheProgressPartsAreBarsAndTheCurrentWaveIsMarked() {
    String text = StatusText.bars(status());
    assertThat(text)
        .contains(
            """
            all      [%s] 2/4 done, 1 running
            wave 1   [%s] 2/2
            wave 2   [%s] 0/1, 1 running  <- current
            wave 3   [%s] 0/1
            workers  [%s] 1/3 busy
            queue    2 changes waiting (1 of this run)
            """
                .formatted(
                    "#".repeat(15) + ".".repeat(15),
                    "#".repeat(30),
                    ".".repeat(30),
                    ".".repeat(30),
                    "#".repeat(10) + ".".repeat(20)));
    assertThat(text).doesNotContain("waves: ", "workers: ");
  }

  @Test
  void aWatcherSeesNoChangeWhenOnlyTimePassed() {
    RunStatus s = status();
    RunStatus later =
        new RunStatus(
            1,
            s.run(),
            21_000L,
            s.counts(),
            s.tasks(),
            s.costUsd(),
            s.tokens(),
            null,
            s.waveProgress(),
            s.workerSlots(),
            s.queueDepth());
    assertThat(StatusText.changeKey(later)).isEqualTo(StatusText.changeKey(s));
    assertThat(StatusText.plain(later)).isNotEqualTo(StatusText.plain(s));
    RunStatus moreQueued =
        new RunStatus(
            1,
            s.run(),
            21_000L,
            s.counts(),
            s.tasks(),
            s.costUsd(),
            s.tokens(),
            null,
            s.waveProgress(),
            s.workerSlots(),
            new QueueDepth(3, 1));
    assertThat(StatusText.changeKey(moreQueued)).isNotEqualTo(StatusText.changeKey(s));
  }

  @Test
  void barsAreEmptyForNothingAndFullOnlyWhenAllAreDone() {
    assertThat(StatusText.bar(0, 0)).isEqualTo("[" + ".".repeat(30) + "]");
    assertThat(StatusText.bar(2, 3)).isEqualTo("[" + "#".repeat(20) + ".".repeat(10) + "]");
    assertThat(StatusText.bar(5, 4)).isEqualTo("[" + "#".repeat(30) + "]");
  }
}
