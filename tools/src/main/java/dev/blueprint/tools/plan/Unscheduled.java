package dev.blueprint.tools.plan;

/**
 * A task the plan will not run, and why.
 *
 * @param reason one of complete, skipped, blocked, human_required, depends_on_unscheduled,
 *     in_cycle, missing_dependency
 * @param detail a readable explanation (for depends_on_unscheduled: which task it waits on)
 */
public record Unscheduled(String taskId, String reason, String detail) {
  /** Done: status complete in the blueprint, or finished in the run the plan starts from. */
  public static final String COMPLETE = "complete";

  public static final String SKIPPED = "skipped";
  public static final String BLOCKED = "blocked";

  /** Waits for a person ({@code human_required}) before it may start. */
  public static final String HUMAN_REQUIRED = "human_required";

  /** Waits, directly, on a task that is itself unscheduled for a reason other than complete. */
  public static final String DEPENDS_ON_UNSCHEDULED = "depends_on_unscheduled";

  public static final String IN_CYCLE = "in_cycle";
  public static final String MISSING_DEPENDENCY = "missing_dependency";
}
