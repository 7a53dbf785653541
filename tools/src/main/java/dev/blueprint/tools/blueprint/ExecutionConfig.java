package dev.blueprint.tools.blueprint;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The blueprint's {@code execution:} block. Typed fields cover what the engine uses; {@code raw}
 * keeps the whole block (2.1 extras such as budget, retry_policy, timeout, observability).
 *
 * @param maxParallelTasks null when the file does not say
 * @param line where the block starts, 0 when there is none
 */
public record ExecutionConfig(
    String shell,
    List<String> shellFlags,
    Integer maxParallelTasks,
    List<ResourceLock> resourceLocks,
    List<PreflightCheck> preflightChecks,
    SecretResolution secretResolution,
    ObjectNode raw,
    int line) {

  public static ExecutionConfig empty() {
    return new ExecutionConfig(
        null, List.of(), null, List.of(), List.of(), SecretResolution.DEFAULT, null, 0);
  }
}
