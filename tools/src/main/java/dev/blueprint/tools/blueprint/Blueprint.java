package dev.blueprint.tools.blueprint;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * A blueprint as read: tasks in document order with their source lines, the execution
 * configuration, metadata, and every other top-level section kept in {@code extras}.
 *
 * <p>Reading never fails on content: what could not be read is in {@code readDiagnostics} (a YAML
 * block that does not parse, a form that cannot be told), and the validator adds the rest.
 *
 * @param source the file path, or a name given for text (for messages)
 * @param title the document title ({@code # ...} heading or metadata title), or null
 * @param declaredGraph a hand-written dependency graph, or null when there is none
 * @param extras top-level sections not modelled here (problem_statement, agent_registry, ...)
 */
public record Blueprint(
    String source,
    BlueprintForm form,
    String title,
    Metadata metadata,
    ExecutionConfig execution,
    List<Tier> tiers,
    List<Task> tasks,
    DeclaredGraph declaredGraph,
    ObjectNode extras,
    List<Diagnostic> readDiagnostics) {

  public Blueprint {
    tiers = List.copyOf(tiers);
    tasks = List.copyOf(tasks);
    readDiagnostics = List.copyOf(readDiagnostics);
  }

  /** A blueprint made in code from tasks alone (tests, generated plans). */
  public static Blueprint of(String source, ExecutionConfig execution, List<Task> tasks) {
    return new Blueprint(
        source,
        BlueprintForm.YAML,
        null,
        Metadata.none(),
        execution,
        List.of(),
        tasks,
        null,
        JsonNodeFactory.instance.objectNode(),
        List.of());
  }

  /** The same blueprint with other tasks (gates lifted, a subset): everything else is kept. */
  public Blueprint withTasks(List<Task> replacement) {
    return new Blueprint(
        source,
        form,
        title,
        metadata,
        execution,
        tiers,
        List.copyOf(replacement),
        declaredGraph,
        extras,
        readDiagnostics);
  }

  public Optional<Task> task(String id) {
    return tasks.stream().filter(t -> t.id().equals(id)).findFirst();
  }
}
