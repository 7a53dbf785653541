package dev.blueprint.journal.workrate;

/**
 * Thresholds that turn a rate into an {@link Outcome}. A session is too early while fewer than
 * {@code minLaterCommits} commits follow it or fewer than {@code minDays} days separate its last
 * commit from HEAD's commit time (HEAD's time, not the clock, so a report of the same history is
 * always the same).
 *
 * @param fullyUsed rate at or above which a session is fully used (default 0.9)
 * @param notUsedBelow rate below which a session is not used (default 0.1: "near zero")
 * @param minLaterCommits commits that must follow a session before it is judged (default 10)
 * @param minDays days that must pass after a session before it is judged (default 2)
 */
public record OutcomePolicy(
    double fullyUsed, double notUsedBelow, int minLaterCommits, int minDays) {

  /** The documented defaults. */
  public static final OutcomePolicy DEFAULTS = new OutcomePolicy(0.9, 0.1, 10, 2);

  public OutcomePolicy {
    if (!(notUsedBelow >= 0 && notUsedBelow <= fullyUsed && fullyUsed <= 1)) {
      throw new IllegalArgumentException("need 0 <= notUsedBelow <= fullyUsed <= 1");
    }
    if (minLaterCommits < 0 || minDays < 0) {
      throw new IllegalArgumentException("minLaterCommits and minDays must not be negative");
    }
  }

  /** Same thresholds with other "too early" limits. */
  public OutcomePolicy withTooEarly(int commits, int days) {
    return new OutcomePolicy(fullyUsed, notUsedBelow, commits, days);
  }

  Outcome judge(int added, int alive, int laterCommits, long secondsSince) {
    if (added == 0) {
      return Outcome.NO_LINES;
    }
    if (laterCommits < minLaterCommits || secondsSince < minDays * 86_400L) {
      return Outcome.TOO_EARLY;
    }
    double rate = (double) alive / added;
    if (rate >= fullyUsed) {
      return Outcome.FULLY_USED;
    }
    return rate < notUsedBelow ? Outcome.NOT_USED : Outcome.PARTIALLY_USED;
  }
}
