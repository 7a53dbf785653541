package dev.blueprint.journal.git.jgit;

import dev.blueprint.journal.git.LandOutcome;
import dev.blueprint.journal.git.QueueEntry;
import java.time.Instant;
import java.util.List;

/** Maps stored rows to the domain's outcome and listing values. */
final class QueueRecords {
  private QueueRecords() {}

  /** The final outcome, or null while the change is pending or landing. */
  static LandOutcome outcome(QueueRecord r) {
    return switch (r.state()) {
      case "landed" -> new LandOutcome.Landed(r.id(), r.landedCommit());
      case "rejected" -> new LandOutcome.Rejected(r.id(), paths(r));
      case "gate_failed" ->
          new LandOutcome.GateFailed(
              r.id(),
              r.exitCode() == null ? -1 : r.exitCode(),
              r.detail() == null ? "" : r.detail());
      case "unchanged" -> new LandOutcome.Unchanged(r.id());
      case "failed" ->
          new LandOutcome.Failed(r.id(), r.code(), r.detail() == null ? "" : r.detail());
      default -> null;
    };
  }

  static QueueEntry entry(QueueRecord r) {
    String subject =
        r.message() == null
            ? "(branch " + r.sourceBranch() + ")"
            : r.message().strip().lines().findFirst().orElse("");
    return new QueueEntry(
        r.id(),
        r.state(),
        r.targetRef(),
        subject,
        r.trailers(),
        r.landedCommit(),
        paths(r),
        r.detail(),
        Instant.ofEpochMilli(r.submittedAtMillis()),
        r.decidedAtMillis() == null ? null : Instant.ofEpochMilli(r.decidedAtMillis()));
  }

  private static List<String> paths(QueueRecord r) {
    return r.paths() == null || r.paths().isEmpty() ? List.of() : List.of(r.paths().split("\n"));
  }
}
