package dev.blueprint.tools.blueprint;

/**
 * One finding about a blueprint: a stable code, a message a person can act on, and where it is.
 *
 * @param taskId the task it concerns, or null for document-level findings
 * @param line 1-based line in the source, or 0 when unknown
 */
public record Diagnostic(Severity severity, String code, String message, String taskId, int line) {

  public static Diagnostic error(String code, String message, String taskId, int line) {
    return new Diagnostic(Severity.ERROR, code, message, taskId, line);
  }

  public static Diagnostic warning(String code, String message, String taskId, int line) {
    return new Diagnostic(Severity.WARNING, code, message, taskId, line);
  }

  public static Diagnostic info(String code, String message, String taskId, int line) {
    return new Diagnostic(Severity.INFO, code, message, taskId, line);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }
}
