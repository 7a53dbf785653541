package dev.blueprint.tools.plan;

import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.Task;
import dev.blueprint.tools.blueprint.TaskIds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;

/**
 * A blueprint's tasks as a dependency graph. Vertices are the tasks' ranks in natural id order
 * ({@code 0} is the first id), so every list derived from the graph is already naturally ordered.
 * An edge runs from a prerequisite to the task that waits for it.
 *
 * <p>The acyclic part, which is all of a valid blueprint, lives in int adjacency arrays: the
 * scheduler's loops run on them. JGraphT models the part that is on or behind a cycle, where graph
 * algorithms are needed (strongly connected components). Building a JGraphT graph of a whole 100k
 * task blueprint cost more than all the rest of planning, and buys nothing on a DAG.
 *
 * <p>When ids repeat, the first task with that id is the one planned (the validator reports the
 * duplicate).
 */
final class TaskGraph {
  final Task[] tasks;
  final int[][] prerequisites;
  final int[][] dependents;

  /** Prerequisite ids that name no task, per rank (null when none). */
  final List<String>[] missing;

  @SuppressWarnings("unchecked")
  private TaskGraph(Blueprint blueprint) {
    // Ids, and prerequisites as positions, come from the index the validator already built.
    List<Task> all = blueprint.tasks();
    TaskIds index = TaskIds.of(all);
    List<String> firstIds = new ArrayList<>(all.size());
    for (int i = 0; i < all.size(); i++) {
      if (index.isFirst(i)) {
        firstIds.add(all.get(i).id());
      }
    }
    String[] ids = firstIds.toArray(String[]::new);
    Arrays.sort(ids, NaturalOrder.INSTANCE);
    int n = ids.length;
    tasks = new Task[n];
    int[] rankAt = new int[all.size()];
    int[] positionOf = new int[n];
    for (int i = 0; i < n; i++) {
      int position = index.indexOf(ids[i]);
      positionOf[i] = position;
      rankAt[position] = i;
      tasks[i] = all.get(position);
    }
    prerequisites = new int[n][];
    missing = new List[n];
    int[] dependentCount = new int[n];
    for (int i = 0; i < n; i++) {
      int[] positions = index.prerequisites(positionOf[i]);
      int[] ranks = new int[positions.length];
      for (int k = 0; k < positions.length; k++) {
        ranks[k] = rankAt[positions[k]];
        dependentCount[ranks[k]]++;
      }
      Arrays.sort(ranks);
      prerequisites[i] = ranks;
      if (index.hasUnknownPrerequisite(positionOf[i])) {
        missing[i] = new ArrayList<>();
        for (String p : tasks[i].prerequisites()) {
          if (!index.contains(p)) {
            missing[i].add(p);
          }
        }
      }
    }
    dependents = new int[n][];
    for (int i = 0; i < n; i++) {
      dependents[i] = new int[dependentCount[i]];
    }
    int[] fill = new int[n];
    for (int i = 0; i < n; i++) {
      for (int p : prerequisites[i]) {
        dependents[p][fill[p]++] = i;
      }
    }
  }

  static TaskGraph of(Blueprint blueprint) {
    return new TaskGraph(blueprint);
  }

  int size() {
    return tasks.length;
  }

  String id(int rank) {
    return tasks[rank].id();
  }

  /**
   * The strongly connected components that are cycles (two or more tasks, or a task that waits for
   * itself), each in natural order. Kahn's algorithm first peels off every task that is not on or
   * behind a cycle; JGraphT's (iterative) Kosaraju pass runs on the graph of what is left. Nothing
   * here recurses.
   */
  List<List<Integer>> cycles() {
    int n = size();
    int[] indegree = new int[n];
    for (int i = 0; i < n; i++) {
      indegree[i] = prerequisites[i].length;
    }
    int[] queue = new int[n];
    int head = 0;
    int tail = 0;
    for (int i = 0; i < n; i++) {
      if (indegree[i] == 0) {
        queue[tail++] = i;
      }
    }
    while (head < tail) {
      int u = queue[head++];
      for (int d : dependents[u]) {
        if (--indegree[d] == 0) {
          queue[tail++] = d;
        }
      }
    }
    if (tail == n) {
      return List.of();
    }
    Graph<Integer, DefaultEdge> rest = new DefaultDirectedGraph<>(DefaultEdge.class);
    for (int i = 0; i < n; i++) {
      if (indegree[i] > 0) {
        rest.addVertex(i);
      }
    }
    for (int i : rest.vertexSet()) {
      for (int p : prerequisites[i]) {
        if (indegree[p] > 0) {
          rest.addEdge(p, i);
        }
      }
    }
    var inspector = new KosarajuStrongConnectivityInspector<>(rest);
    List<List<Integer>> cycles = new ArrayList<>();
    for (Set<Integer> component : inspector.stronglyConnectedSets()) {
      int only = component.iterator().next();
      if (component.size() > 1 || rest.containsEdge(only, only)) {
        List<Integer> members = new ArrayList<>(component);
        members.sort(null);
        cycles.add(members);
      }
    }
    cycles.sort((a, b) -> Integer.compare(a.get(0), b.get(0)));
    return cycles;
  }
}
