package dev.blueprint.tools.plan;

import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.ExecutionConfig;
import dev.blueprint.tools.blueprint.ResourceLock;
import dev.blueprint.tools.blueprint.SecretResolution;
import dev.blueprint.tools.blueprint.Task;
import java.util.List;

/** Builds small blueprints in code for planner tests. */
final class Blueprints {
  private Blueprints() {}

  static Blueprint of(Task.Builder... tasks) {
    return with(null, List.of(), tasks);
  }

  static Blueprint with(Integer maxParallel, List<ResourceLock> locks, Task.Builder... tasks) {
    ExecutionConfig execution =
        new ExecutionConfig(
            null, List.of(), maxParallel, locks, List.of(), SecretResolution.DEFAULT, null, 1);
    return Blueprint.of(
        "test.bp.md", execution, java.util.Arrays.stream(tasks).map(Task.Builder::build).toList());
  }

  static Task.Builder task(String id, String... deps) {
    return Task.builder(id).dependsOn(deps);
  }
}
