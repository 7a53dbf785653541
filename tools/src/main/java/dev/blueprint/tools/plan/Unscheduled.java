package dev.blueprint.tools.plan;

/**
 * A task the plan will not run, and why.
 *
 * @param reason one of complete, skipped, blocked, human_required, depends_on_unscheduled,
 *     in_cycle, missing_dependency
 * @param detail a readable explanation (for depends_on_unscheduled: which task it waits on)
 */
public record Unscheduled(String taskId, String reason, String detail) {}
