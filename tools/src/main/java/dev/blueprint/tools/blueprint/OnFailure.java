package dev.blueprint.tools.blueprint;

/**
 * A task's {@code on_failure} policy. Defaults: no retries, PT5S between retries, block.
 *
 * @param retryDelay as written (ISO-8601 duration), null for the default
 * @param fallbackTask a task to run instead when this one fails, or null
 */
public record OnFailure(
    int maxRetries, String retryDelay, FailureAction action, String fallbackTask, int line) {
  public static final OnFailure DEFAULT = new OnFailure(0, null, FailureAction.BLOCK, null, 0);
}
