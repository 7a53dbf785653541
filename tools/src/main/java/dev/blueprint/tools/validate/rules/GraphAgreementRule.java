package dev.blueprint.tools.validate.rules;

import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.DeclaredGraph;
import dev.blueprint.tools.blueprint.Diagnostic;
import dev.blueprint.tools.blueprint.Task;
import dev.blueprint.tools.validate.Rule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * W_GRAPH_DISAGREES: the hand-written dependency graph and the tasks' own dependencies (plus
 * binding sources) say different things. One finding per task that differs, naming what only the
 * graph has and what only the task has, and one per graph entry that names no task.
 */
public final class GraphAgreementRule implements Rule {
  @Override
  public List<Diagnostic> check(Blueprint b) {
    DeclaredGraph g = b.declaredGraph();
    List<Diagnostic> out = new ArrayList<>();
    if (g == null) {
      return out;
    }
    TaskIndex index = TaskIndex.of(b);
    for (String id : g.edges().keySet()) {
      if (!index.has(id)) {
        int line = g.lines().getOrDefault(id, g.line());
        out.add(
            Diagnostic.warning(
                "W_GRAPH_DISAGREES",
                "dependency graph (line "
                    + line
                    + ") lists "
                    + id
                    + ", which is not a task; remove it"
                    + " from the graph or add the task",
                null,
                line));
      }
    }
    Set<String> seen = new java.util.HashSet<>();
    for (Task t : b.tasks()) {
      if (!seen.add(t.id())) {
        continue;
      }
      Set<String> own = t.prerequisites();
      List<String> drawn = g.edges().get(t.id());
      int taskLine = TaskIndex.lineOf(t, "/dependencies");
      if (drawn == null) {
        if (!own.isEmpty()) {
          out.add(
              Diagnostic.warning(
                  "W_GRAPH_DISAGREES",
                  t.id()
                      + " depends on "
                      + String.join(", ", own)
                      + " (line "
                      + taskLine
                      + "), but the dependency graph (line "
                      + g.line()
                      + ") has no entry for it; add it to the graph",
                  t.id(),
                  taskLine));
        }
        continue;
      }
      Set<String> onlyGraph = new LinkedHashSet<>(drawn);
      onlyGraph.removeAll(own);
      Set<String> onlyTask = new LinkedHashSet<>(own);
      onlyTask.removeAll(new LinkedHashSet<>(drawn));
      if (onlyGraph.isEmpty() && onlyTask.isEmpty()) {
        continue;
      }
      int graphLine = g.lines().getOrDefault(t.id(), g.line());
      StringBuilder m = new StringBuilder();
      m.append(t.id())
          .append(": the dependency graph (line ")
          .append(graphLine)
          .append(") and the task's dependencies (line ")
          .append(taskLine)
          .append(") disagree: ");
      if (!onlyGraph.isEmpty()) {
        m.append("only the graph has ").append(String.join(", ", onlyGraph));
      }
      if (!onlyTask.isEmpty()) {
        m.append(onlyGraph.isEmpty() ? "" : "; ")
            .append("only the task has ")
            .append(String.join(", ", onlyTask));
      }
      m.append(". The task's own dependencies are what runs; make the two agree");
      out.add(Diagnostic.warning("W_GRAPH_DISAGREES", m.toString(), t.id(), taskLine));
    }
    return out;
  }
}
