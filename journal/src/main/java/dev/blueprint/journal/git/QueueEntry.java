package dev.blueprint.journal.git;

import java.time.Instant;
import java.util.List;

/**
 * One change as the queue records it, for listing ({@code bp queue}). {@code state} is one of
 * pending, landing, landed, rejected, gate_failed, unchanged, failed; {@code commit} is set once
 * landed; {@code paths} are the conflicting paths of a rejected change or the captured paths of a
 * pending one.
 */
public record QueueEntry(
    long id,
    String state,
    String targetRef,
    String subject,
    Trailers trailers,
    String commit,
    List<String> paths,
    String detail,
    Instant submittedAt,
    Instant decidedAt) {
  public QueueEntry {
    paths = List.copyOf(paths);
  }
}
