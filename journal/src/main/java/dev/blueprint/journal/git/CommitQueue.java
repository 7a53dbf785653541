package dev.blueprint.journal.git;

import java.time.Duration;
import java.util.List;

/**
 * The one orderly way onto a shared branch. Changes are recorded durably on submit and landed one
 * at a time by a single writer (across threads and processes): each is replayed onto the current
 * tip in memory, optionally gated, and the branch moves by compare-and-set. A conflict rejects that
 * change only. After a crash at any point, the next queue on the same repository finishes or
 * reports every recorded change; none lands twice.
 */
public interface CommitQueue extends AutoCloseable {

  /**
   * Records the change (its content is captured now) and returns its id. Fails with a {@link
   * GitLayerException} if the change cannot be captured (no such branch, path outside the tree).
   */
  long submit(Change change);

  /**
   * Lands pending changes (taking the writer role when free) until {@code changeId} is decided, and
   * returns its outcome. Fails with {@link GitLayerException} code {@code E_QUEUE_TIMEOUT} if not
   * decided within {@code timeout}.
   */
  LandOutcome await(long changeId, Duration timeout);

  /** Submits and waits. */
  default LandOutcome land(Change change) {
    return await(submit(change), Duration.ofMinutes(10));
  }

  /**
   * Lands every change pending now (finishing an interrupted landing first) and returns their
   * outcomes in order.
   */
  List<LandOutcome> drain();

  /** The most recent {@code limit} entries, newest first. */
  List<QueueEntry> entries(int limit);

  /** How many changes are in each state (pending, landing, landed, rejected, ...). */
  java.util.Map<String, Long> counts();

  @Override
  void close();
}
