package dev.blueprint.tools.status;

import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.BlueprintReader;
import dev.blueprint.tools.blueprint.Task;
import dev.blueprint.tools.plan.PlanOptions;
import dev.blueprint.tools.plan.Planner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The waves a run's blueprint plans into, read from the blueprint file the run was started with,
 * planned as the dispatcher plans a new run (every human gate taken as approved, so gated tasks and
 * their dependents have their wave). The last plan is kept while the file is unchanged, so a status
 * that redraws every second does not re-read it.
 */
final class RunPlanWaves {
  private static final Logger LOG = LoggerFactory.getLogger(RunPlanWaves.class);

  private Path cachedFile;
  private FileTime cachedModified;
  private long cachedSize = -1;
  private Planned cached;

  /**
   * What status needs from the blueprint.
   *
   * @param waves task ids per wave, first to last
   * @param maxParallel its {@code max_parallel_tasks}, or null when it says nothing
   */
  record Planned(List<List<String>> waves, Integer maxParallel) {}

  /** The blueprint's waves, or empty when the file cannot be read. */
  synchronized Optional<Planned> plan(Path blueprintFile) {
    try {
      FileTime modified = Files.getLastModifiedTime(blueprintFile);
      long size = Files.size(blueprintFile);
      if (!blueprintFile.equals(cachedFile)
          || !modified.equals(cachedModified)
          || size != cachedSize) {
        Blueprint bp = BlueprintReader.readFile(blueprintFile);
        cached =
            new Planned(
                Planner.plan(gatesLifted(bp), PlanOptions.DEFAULT).waves(),
                bp.execution() == null ? null : bp.execution().maxParallelTasks());
        cachedFile = blueprintFile;
        cachedModified = modified;
        cachedSize = size;
      }
      return Optional.of(cached);
    } catch (IOException | RuntimeException e) {
      LOG.debug("no wave progress: cannot plan {}: {}", blueprintFile, e.getMessage());
      return Optional.empty();
    }
  }

  /** Counts the run's task states per wave. */
  static WaveProgress progress(List<List<String>> planned, Map<String, TaskState> states) {
    List<WaveProgress.Wave> waves = new ArrayList<>();
    Set<String> placed = new HashSet<>();
    Integer current = null;
    for (List<String> ids : planned) {
      List<String> inRun = ids.stream().filter(states::containsKey).toList();
      if (inRun.isEmpty()) {
        continue;
      }
      int done = 0;
      int landed = 0;
      int running = 0;
      for (String id : inRun) {
        TaskState s = states.get(id);
        done += s.isFinal() ? 1 : 0;
        landed += s == TaskState.LANDED ? 1 : 0;
        running += s == TaskState.RUNNING ? 1 : 0;
      }
      WaveProgress.Wave w =
          new WaveProgress.Wave(waves.size() + 1, inRun, inRun.size(), done, landed, running);
      if (current == null && !w.finished()) {
        current = w.number();
      }
      waves.add(w);
      placed.addAll(inRun);
    }
    Set<String> unplanned = new LinkedHashSet<>(states.keySet());
    unplanned.removeAll(placed);
    return new WaveProgress(current, waves.size(), waves, List.copyOf(unplanned));
  }

  /** The blueprint with every {@code human_required} block removed. */
  static Blueprint gatesLifted(Blueprint bp) {
    if (bp.tasks().stream().noneMatch(t -> t.humanRequired() != null)) {
      return bp;
    }
    return bp.withTasks(bp.tasks().stream().map(Task::withoutHumanGate).toList());
  }
}
