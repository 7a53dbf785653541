package dev.blueprint.tools.dispatch.process;

/** How a child process ended. */
public sealed interface ProcessResult {

  /** The child exited on its own with this code. */
  record Exited(int exitCode, ProcessOutput output) implements ProcessResult {}

  /**
   * The child outlived its timeout; it and every descendant were killed.
   *
   * @param forced whether the polite kill was not enough and the forced one was needed
   */
  record TimedOut(ProcessOutput output, boolean forced) implements ProcessResult {}

  /** The child could not be started (no such program, not executable, bad directory). */
  record NotStarted(String reason) implements ProcessResult {}
}
