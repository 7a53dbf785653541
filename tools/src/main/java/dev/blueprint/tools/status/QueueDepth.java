package dev.blueprint.tools.status;

/**
 * Changes waiting in the repository's commit queue ({@code .blueprint/queue.db}): submitted and not
 * yet decided (pending, or being landed right now).
 *
 * @param pending every waiting change, whatever run or person submitted it
 * @param pendingForRun the waiting changes of this run
 */
public record QueueDepth(long pending, long pendingForRun) {
  public static final QueueDepth EMPTY = new QueueDepth(0, 0);
}
