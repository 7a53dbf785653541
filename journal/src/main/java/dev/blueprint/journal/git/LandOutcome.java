package dev.blueprint.journal.git;

import java.util.List;

/** What became of a change: the closed set of final states of a queue entry. */
public sealed interface LandOutcome
    permits LandOutcome.Landed,
        LandOutcome.Rejected,
        LandOutcome.GateFailed,
        LandOutcome.Unchanged,
        LandOutcome.Failed {

  long changeId();

  /** Short state name as stored and shown by {@code bp queue}. */
  String state();

  /** The change is on the integration branch as {@code commit}. */
  record Landed(long changeId, String commit) implements LandOutcome {
    @Override
    public String state() {
      return "landed";
    }
  }

  /** The change conflicts with the branch tip on these paths; the branch was not touched. */
  record Rejected(long changeId, List<String> conflictPaths) implements LandOutcome {
    public Rejected {
      conflictPaths = List.copyOf(conflictPaths);
    }

    @Override
    public String state() {
      return "rejected";
    }
  }

  /** The gate command failed on the would-be result; the branch was not touched. */
  record GateFailed(long changeId, int exitCode, String outputTail) implements LandOutcome {
    @Override
    public String state() {
      return "gate_failed";
    }
  }

  /** The change makes no difference to the branch tip (already there, or empty). */
  record Unchanged(long changeId) implements LandOutcome {
    @Override
    public String state() {
      return "unchanged";
    }
  }

  /** The change could not be landed for another reason, with a stable code. */
  record Failed(long changeId, String code, String message) implements LandOutcome {
    @Override
    public String state() {
      return "failed";
    }
  }
}
