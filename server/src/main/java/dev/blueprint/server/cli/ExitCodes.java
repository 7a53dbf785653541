package dev.blueprint.server.cli;

import picocli.CommandLine;

/**
 * The one place that maps failures to exit codes: 0 success, 1 the work found a problem (an invalid
 * blueprint, a failed run), 2 bad usage or unreadable input, 3 an internal error.
 */
final class ExitCodes
    implements CommandLine.IExecutionExceptionHandler, CommandLine.IExitCodeExceptionMapper {

  static final int OK = 0;
  static final int PROBLEM_FOUND = 1;
  static final int USAGE = 2;
  static final int INTERNAL = 3;

  @Override
  public int handleExecutionException(
      Exception ex, CommandLine cli, CommandLine.ParseResult parseResult) {
    cli.getErr().println("bp: " + message(ex));
    if (!(ex instanceof UsageException) && System.getenv("BP_DEBUG") != null) {
      ex.printStackTrace(cli.getErr());
    }
    return getExitCode(ex);
  }

  @Override
  public int getExitCode(Throwable ex) {
    // picocli asks this mapper for parse errors too (unknown option, missing FILE, bad number).
    return ex instanceof UsageException || ex instanceof CommandLine.ParameterException
        ? USAGE
        : INTERNAL;
  }

  private static String message(Throwable ex) {
    String m = ex.getMessage();
    return m == null || m.isBlank() ? ex.getClass().getSimpleName() : m;
  }
}
