package dev.blueprint.hooks.git;

import java.nio.file.Path;

/**
 * What happened to the prepare-commit-msg hook.
 *
 * @param outcome what was done
 * @param hookFile the hook file concerned (where it is or would be)
 */
public record GitHookResult(Outcome outcome, Path hookFile) {

  /** The closed set of things the installer can do with the hook file. */
  public enum Outcome {
    /** blueprint's hook was written. */
    INSTALLED,
    /** blueprint's hook was already there, unchanged. */
    UNCHANGED,
    /** Another hook is in place; it was left alone and blueprint's was not installed. */
    FOREIGN_HOOK_KEPT,
    /** blueprint's hook was removed. */
    REMOVED,
    /** There was no blueprint hook to remove. */
    ABSENT
  }
}
