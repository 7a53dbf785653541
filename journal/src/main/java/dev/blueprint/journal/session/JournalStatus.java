package dev.blueprint.journal.session;

import java.util.Locale;
import java.util.Optional;

/** Where a session stands when its journal is written. */
public enum JournalStatus {
  /** The session is still running; a later write replaces this journal. */
  ACTIVE,
  /** The session ended normally. */
  COMPLETE,
  /** A mid-session snapshot, for example before a context limit. */
  CHECKPOINT,
  /** The session ended without closing (a killed client, a journal recovered by sweep). */
  ABANDONED;

  /** The word written into front matter. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads a status as people write it in hand-made journals ("COMPLETE", "Complete", "done", "in
   * progress", "Part 1 Complete + ..."): the first word that names a status wins.
   */
  public static Optional<JournalStatus> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
      switch (word) {
        case "active", "progress", "running", "started" -> {
          return Optional.of(ACTIVE);
        }
        case "complete", "completed", "done", "closed", "finished", "final" -> {
          return Optional.of(COMPLETE);
        }
        case "checkpoint", "partial", "paused" -> {
          return Optional.of(CHECKPOINT);
        }
        case "abandoned", "aborted", "killed", "failed" -> {
          return Optional.of(ABANDONED);
        }
        default -> {
          // keep looking: statuses are often written after decoration ("✅ COMPLETE")
        }
      }
    }
    return Optional.empty();
  }
}
