package dev.blueprint.tools.validate.rules;

import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.Dependency;
import dev.blueprint.tools.blueprint.Diagnostic;
import dev.blueprint.tools.blueprint.Task;
import dev.blueprint.tools.blueprint.TaskIds;
import dev.blueprint.tools.validate.Rule;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * E_CYCLE: tasks that wait for each other. Each strongly connected component is reported once,
 * naming a cycle through it in order ({@code T1 -> T2 -> T3 -> T1}, each waiting for the next).
 * Tarjan's algorithm and the path search run with explicit stacks: a 100k-task chain cannot
 * overflow the Java stack.
 */
public final class CycleRule implements Rule {
  @Override
  public List<Diagnostic> check(Blueprint b) {
    List<Task> tasks = b.tasks();
    TaskIds ids = TaskIds.of(tasks);
    int n = tasks.size();
    int[][] edges = new int[n][];
    for (int i = 0; i < n; i++) {
      // A duplicate id's later task has no edges: DuplicateIdRule reports it.
      edges[i] = ids.isFirst(i) ? ids.prerequisites(i) : new int[0];
    }
    List<Diagnostic> out = new ArrayList<>();
    for (int[] component : components(edges)) {
      boolean selfLoop =
          component.length == 1
              && Arrays.stream(edges[component[0]]).anyMatch(j -> j == component[0]);
      if (component.length > 1 || selfLoop) {
        out.add(report(tasks, edges, component));
      }
    }
    return out;
  }

  /** Tarjan's strongly connected components, iteratively. */
  static List<int[]> components(int[][] edges) {
    int n = edges.length;
    int[] order = new int[n];
    int[] low = new int[n];
    Arrays.fill(order, -1);
    boolean[] onStack = new boolean[n];
    int[] stack = new int[n];
    int sp = 0;
    int[] callNode = new int[n];
    int[] callEdge = new int[n];
    int counter = 0;
    List<int[]> out = new ArrayList<>();
    for (int root = 0; root < n; root++) {
      if (order[root] >= 0) {
        continue;
      }
      int depth = 0;
      callNode[0] = root;
      callEdge[0] = 0;
      order[root] = low[root] = counter++;
      stack[sp++] = root;
      onStack[root] = true;
      while (depth >= 0) {
        int v = callNode[depth];
        if (callEdge[depth] < edges[v].length) {
          int w = edges[v][callEdge[depth]++];
          if (order[w] < 0) {
            order[w] = low[w] = counter++;
            stack[sp++] = w;
            onStack[w] = true;
            depth++;
            callNode[depth] = w;
            callEdge[depth] = 0;
          } else if (onStack[w]) {
            low[v] = Math.min(low[v], order[w]);
          }
          continue;
        }
        if (low[v] == order[v]) {
          int size = 0;
          for (int k = sp - 1; stack[k] != v; k--) {
            size++;
          }
          int[] component = new int[size + 1];
          for (int k = 0; k <= size; k++) {
            int w = stack[--sp];
            onStack[w] = false;
            component[k] = w;
          }
          out.add(component);
        }
        depth--;
        if (depth >= 0) {
          int parent = callNode[depth];
          low[parent] = Math.min(low[parent], low[v]);
        }
      }
    }
    return out;
  }

  private static Diagnostic report(List<Task> tasks, int[][] edges, int[] component) {
    boolean[] inside = new boolean[edges.length];
    int start = component[0];
    for (int c : component) {
      inside[c] = true;
      start = Math.min(start, c); // the task written first in the document
    }
    List<Integer> cycle = shortestCycle(edges, inside, start);
    StringBuilder path = new StringBuilder();
    for (int i : cycle) {
      path.append(tasks.get(i).id()).append(" -> ");
    }
    path.append(tasks.get(start).id());
    Task first = tasks.get(start);
    String next = tasks.get(cycle.size() > 1 ? cycle.get(1) : start).id();
    int line =
        first.dependencies().stream()
            .filter(d -> d.taskId().equals(next))
            .mapToInt(Dependency::line)
            .findFirst()
            .orElse(first.line());
    String extra =
        component.length > cycle.size()
            ? " (" + component.length + " tasks are caught in this knot of cycles)"
            : "";
    return Diagnostic.error(
        "E_CYCLE",
        "dependency cycle: "
            + path
            + extra
            + "; each task waits for the next, so none can start. Remove one of these"
            + " dependencies (first at line "
            + line
            + ")",
        first.id(),
        line);
  }

  /** Breadth-first search inside the component from start back to start. */
  private static List<Integer> shortestCycle(int[][] edges, boolean[] inside, int start) {
    int[] parent = new int[edges.length];
    Arrays.fill(parent, -2);
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    queue.add(start);
    parent[start] = -1;
    int last = -1;
    while (!queue.isEmpty() && last < 0) {
      int v = queue.poll();
      for (int w : edges[v]) {
        if (w == start) {
          last = v;
          break;
        }
        if (inside[w] && parent[w] == -2) {
          parent[w] = v;
          queue.add(w);
        }
      }
    }
    List<Integer> path = new ArrayList<>();
    for (int v = last; v != -1 && v >= 0; v = parent[v]) {
      path.add(v);
      if (v == start) {
        break;
      }
    }
    java.util.Collections.reverse(path);
    if (path.isEmpty() || path.get(0) != start) {
      path.add(0, start);
    }
    return path;
  }
}
