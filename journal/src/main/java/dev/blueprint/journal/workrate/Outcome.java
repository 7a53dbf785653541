package dev.blueprint.journal.workrate;

/** How much of a session's work stuck, replacing the boxes journals used to tick by hand. */
public enum Outcome {
  /** At least {@link OutcomePolicy#fullyUsed()} of its lines are alive at HEAD. */
  FULLY_USED("fully used"),
  /** Between the two thresholds. */
  PARTIALLY_USED("partially used"),
  /** Less than {@link OutcomePolicy#notUsedBelow()} of its lines are alive at HEAD. */
  NOT_USED("not used"),
  /** Too few commits or days have followed it for survival to mean anything yet. */
  TOO_EARLY("too early"),
  /** It added no lines to tracked text files (or none of its commits were found). */
  NO_LINES("no lines");

  private final String label;

  Outcome(String label) {
    this.label = label;
  }

  /** The words used in reports. */
  public String label() {
    return label;
  }

  /** The key used in JSON. */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
