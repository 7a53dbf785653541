package dev.blueprint.journal.workrate;

import java.time.LocalDate;
import java.util.OptionalDouble;

/**
 * One session's row in the report.
 *
 * @param id session id
 * @param date the day it ran (journal date, else its first commit's day, UTC)
 * @param agent agent name, or {@code unknown}
 * @param model model name, or {@code unknown}
 * @param blueprint blueprint it worked on, or {@code none}
 * @param commits how many commits were attributed to it
 * @param linesAdded lines its commits added
 * @param linesAlive of those, lines still present at HEAD
 * @param outcome the verdict
 */
public record SessionRate(
    String id,
    LocalDate date,
    String agent,
    String model,
    String blueprint,
    int commits,
    int linesAdded,
    int linesAlive,
    Outcome outcome) {

  /** alive / added, empty when it added nothing. */
  public OptionalDouble rate() {
    return linesAdded == 0
        ? OptionalDouble.empty()
        : OptionalDouble.of((double) linesAlive / linesAdded);
  }
}
