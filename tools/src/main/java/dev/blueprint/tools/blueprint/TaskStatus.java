package dev.blueprint.tools.blueprint;

/**
 * A task's status as read: the canonical value (null when the text is not a known status) and the
 * original text, kept so output can show what the author wrote.
 */
public record TaskStatus(Status value, String original) {

  public static TaskStatus of(String original) {
    return new TaskStatus(Status.parse(original).orElse(null), original);
  }

  public static TaskStatus notStarted() {
    return new TaskStatus(Status.NOT_STARTED, "not_started");
  }

  public boolean isKnown() {
    return value != null;
  }

  public boolean is(Status s) {
    return value == s;
  }
}
