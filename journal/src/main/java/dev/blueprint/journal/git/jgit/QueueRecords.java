package dev.blueprint.journal.git.jgit;

import dev.blueprint.journal.git.LandOutcome;
import dev.blueprint.journal.git.QueueEntry;
import java.time.Instant;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;

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

  /** The outcome of a change that a landing plan does not commit. */
  static LandOutcome notLanded(long id, LandingPlan plan) {
    if (plan instanceof LandingPlan.Conflict c) {
      return new LandOutcome.Rejected(id, c.paths());
    }
    if (plan instanceof LandingPlan.Impossible i) {
      return new LandOutcome.Failed(id, i.code(), i.message());
    }
    return new LandOutcome.Unchanged(id);
  }

  /** The decision to record for a change that did not land on {@code onto}. */
  static QueueStore.Decision decisionFor(LandOutcome o, ObjectId onto) {
    if (o instanceof LandOutcome.Rejected r) {
      return new QueueStore.Decision(
          o.changeId(),
          "rejected",
          null,
          "E_CONFLICT",
          null,
          String.join("\n", r.conflictPaths()),
          "conflicts with " + TargetBranch.shortName(onto));
    }
    if (o instanceof LandOutcome.Failed f) {
      return new QueueStore.Decision(
          o.changeId(), "failed", null, f.code(), null, null, f.message());
    }
    return new QueueStore.Decision(
        o.changeId(),
        "unchanged",
        null,
        null,
        null,
        null,
        "already on " + TargetBranch.shortName(onto));
  }
}
