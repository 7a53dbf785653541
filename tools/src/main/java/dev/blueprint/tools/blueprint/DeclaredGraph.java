package dev.blueprint.tools.blueprint;

import java.util.List;
import java.util.Map;

/**
 * A hand-written dependency graph ({@code ## Dependency Graph} yaml block with {@code
 * dependency_graph:} or {@code dependencies:}), kept to compare with the task-level dependencies.
 *
 * @param edges task id to the ids it depends on, as written
 * @param lines task id to the line of its entry
 */
public record DeclaredGraph(
    Map<String, List<String>> edges, Map<String, Integer> lines, int line) {}
