package dev.blueprint.tools.blueprint;

/**
 * A dependency declared in a task's {@code dependencies} list: either a plain id or a typed entry
 * {@code {task, type, output_port}}.
 *
 * @param outputPort the port of the source task for data dependencies, or null
 */
public record Dependency(String taskId, DependencyType type, String outputPort, int line) {
  public static Dependency on(String taskId, int line) {
    return new Dependency(taskId, DependencyType.COMPLETION, null, line);
  }
}
