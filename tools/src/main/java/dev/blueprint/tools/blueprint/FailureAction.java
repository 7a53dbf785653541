package dev.blueprint.tools.blueprint;

/** What happens to a run when a task has failed and used up its retries. */
public enum FailureAction {
  BLOCK,
  ABORT,
  SKIP
}
