package dev.blueprint.tools.dispatch;

import dev.blueprint.tools.status.RunState;
import dev.blueprint.tools.status.TaskState;
import java.util.Map;

/**
 * How a dispatch ended.
 *
 * @param state RUNNING when tasks still wait for a person and nothing else can run
 * @param tasks every task's final state in this run
 */
public record RunResult(String runId, RunState state, Map<String, TaskState> tasks) {
  public RunResult {
    tasks = Map.copyOf(tasks);
  }
}
