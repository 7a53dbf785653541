package dev.blueprint.tools.status;

import java.util.List;

/**
 * How far a run is through its plan's waves: the waves of the blueprint as the run was planned
 * (every human gate approved, so gated tasks and their dependents have their place), with the
 * tasks' current states counted per wave.
 *
 * @param current the first wave with a task not yet final (1-based), or null when all are
 * @param total how many waves the plan has
 * @param waves each wave with its counts, first to last
 * @param unplanned run tasks the blueprint no longer places in a wave (it changed since the run
 *     started); empty normally
 */
public record WaveProgress(Integer current, int total, List<Wave> waves, List<String> unplanned) {
  public WaveProgress {
    waves = List.copyOf(waves);
    unplanned = List.copyOf(unplanned);
  }

  /**
   * One wave.
   *
   * @param number 1-based
   * @param taskIds the run's tasks in this wave
   * @param done tasks that will not change again (landed, failed, skipped, ...)
   * @param landed of those, the ones whose work landed
   * @param running tasks with an attempt under way
   */
  public record Wave(
      int number, List<String> taskIds, int total, int done, int landed, int running) {
    public Wave {
      taskIds = List.copyOf(taskIds);
    }

    /** Whether every task of the wave is final. */
    public boolean finished() {
      return done == total;
    }
  }
}
