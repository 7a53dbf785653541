package dev.blueprint.journal.git;

/**
 * A failure of the git layer as a value a caller can show: a stable code, a message a person can
 * act on, and where (a path or ref), never a stack trace.
 */
public final class GitLayerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String code;
  private final String where;

  public GitLayerException(String code, String message, String where) {
    super(message);
    this.code = code;
    this.where = where;
  }

  public GitLayerException(String code, String message, String where, Throwable cause) {
    super(message, cause);
    this.code = code;
    this.where = where;
  }

  public String code() {
    return code;
  }

  public String where() {
    return where;
  }
}
