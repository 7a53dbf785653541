package dev.blueprint.tools.blueprint;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The canonical task statuses of BSF, with the legal moves between them. */
public enum Status {
  NOT_STARTED,
  IN_PROGRESS,
  COMPLETE,
  BLOCKED,
  SKIPPED,
  CHECKPOINTED;

  private static final java.util.regex.Pattern DECORATION =
      java.util.regex.Pattern.compile("[^\\p{L}\\p{N}_\\- ]");
  private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

  private static final Status[] VALUES = values();

  private final String wire = name().toLowerCase(Locale.ROOT);

  /** The BSF spelling, as written in blueprints and JSON output. */
  public String wire() {
    return wire;
  }

  /**
   * Whether a task may move from this status to {@code next}; nothing leaves complete or skipped.
   */
  public boolean canMoveTo(Status next) {
    return legalMoves().contains(next);
  }

  private Set<Status> legalMoves() {
    return switch (this) {
      case NOT_STARTED -> EnumSet.of(IN_PROGRESS, SKIPPED);
      case IN_PROGRESS -> EnumSet.of(COMPLETE, BLOCKED, CHECKPOINTED, SKIPPED);
      case CHECKPOINTED -> EnumSet.of(IN_PROGRESS, NOT_STARTED);
      case BLOCKED -> EnumSet.of(IN_PROGRESS, SKIPPED);
      case COMPLETE, SKIPPED -> EnumSet.noneOf(Status.class);
    };
  }

  /**
   * Reads the many spellings real files use: {@code pending}, {@code completed}, upper case, and
   * emoji forms such as {@code 🔲 NOT_STARTED} or {@code ✅ COMPLETE}.
   */
  public static Optional<Status> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    // The common case, a BSF spelling as written, needs none of the regex clean-up below.
    for (Status s : VALUES) {
      if (s.wire.equals(text)) {
        return Optional.of(s);
      }
    }
    // Keep letters, digits, spaces, '_' and '-': drops emoji and decoration around the word.
    String word =
        SPACES
            .matcher(
                DECORATION
                    .matcher(text)
                    .replaceAll(" ")
                    .trim()
                    .toLowerCase(Locale.ROOT)
                    .replace('-', '_'))
            .replaceAll("_");
    return Optional.ofNullable(
        switch (word) {
          case "not_started", "pending", "todo", "notstarted", "open", "planned" -> NOT_STARTED;
          case "in_progress", "inprogress", "running", "active", "started", "wip" -> IN_PROGRESS;
          case "complete", "completed", "done", "finished" -> COMPLETE;
          case "blocked" -> BLOCKED;
          case "skipped", "skip", "cancelled", "canceled" -> SKIPPED;
          case "checkpointed", "checkpoint", "paused" -> CHECKPOINTED;
          default -> null;
        });
  }
}
