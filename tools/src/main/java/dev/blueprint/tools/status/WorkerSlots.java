package dev.blueprint.tools.status;

/**
 * The run's worker slots: its parallel limit and how many tasks run now.
 *
 * @param limit how many tasks the run may run at once
 * @param busy tasks with an attempt under way
 * @param free {@code limit - busy}, never below 0
 * @param limitSource where the limit comes from: {@code run} (recorded by the engine for this run),
 *     {@code blueprint} ({@code max_parallel_tasks}) or {@code default} (the engine's default, 4);
 *     a run started with {@code --parallel N} shows N only when the engine recorded it
 */
public record WorkerSlots(int limit, int busy, int free, String limitSource) {
  public static final String FROM_RUN = "run";
  public static final String FROM_BLUEPRINT = "blueprint";
  public static final String FROM_DEFAULT = "default";

  static WorkerSlots of(int limit, int busy, String source) {
    return new WorkerSlots(limit, busy, Math.max(0, limit - busy), source);
  }
}
