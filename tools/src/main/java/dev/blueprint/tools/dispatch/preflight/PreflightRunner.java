package dev.blueprint.tools.dispatch.preflight;

import dev.blueprint.tools.blueprint.PreflightCheck;
import dev.blueprint.tools.dispatch.agents.ShellConfig;
import dev.blueprint.tools.dispatch.process.ProcessOutput;
import dev.blueprint.tools.dispatch.process.ProcessResult;
import dev.blueprint.tools.dispatch.process.ProcessRunner;
import dev.blueprint.tools.dispatch.process.ProcessSpec;
import dev.blueprint.tools.status.BsfError;
import dev.blueprint.tools.status.ErrorCode;
import dev.blueprint.tools.status.ErrorDetails;
import dev.blueprint.tools.status.Phase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code execution.preflight_checks[]} before a run starts: each command in the blueprint's
 * shell, in the repository, compared with its expected exit code. All checks run; every failure is
 * an E_PREFLIGHT_FAILED carrying the check's {@code error_message} and its output.
 */
public final class PreflightRunner {
  /** A preflight check is a quick probe; one that hangs fails. */
  public static final Duration CHECK_TIMEOUT = Duration.ofMinutes(2);

  private final ProcessRunner runner;
  private final ShellConfig shell;
  private final Clock clock;

  public PreflightRunner(ProcessRunner runner, ShellConfig shell, Clock clock) {
    this.runner = runner;
    this.shell = shell;
    this.clock = clock;
  }

  /**
   * @param env environment for the checks (resolved secrets may be needed)
   * @return every failed check, in declared order; empty when all passed
   */
  public List<BsfError> run(
      List<PreflightCheck> checks, Path repo, Path logDir, Map<String, String> env) {
    List<BsfError> failures = new ArrayList<>();
    int i = 0;
    for (PreflightCheck check : checks) {
      i++;
      ProcessSpec spec =
          ProcessSpec.of(shell.argv(check.command()), repo, CHECK_TIMEOUT, logDir, "preflight-" + i)
              .withEnv(env);
      ProcessResult r = runner.run(spec);
      String what =
          check.errorMessage() == null || check.errorMessage().isBlank()
              ? "preflight check failed: " + check.command()
              : check.errorMessage();
      if (r instanceof ProcessResult.Exited e) {
        if (e.exitCode() != check.expectedExitCode()) {
          failures.add(
              error(
                      what
                          + " (`"
                          + check.command()
                          + "` exited "
                          + e.exitCode()
                          + ", expected "
                          + check.expectedExitCode()
                          + ")")
                  .withDetails(details(e.exitCode(), e.output())));
        }
      } else if (r instanceof ProcessResult.TimedOut t) {
        failures.add(
            error(what + " (`" + check.command() + "` did not finish within " + CHECK_TIMEOUT + ")")
                .withDetails(details(null, t.output())));
      } else if (r instanceof ProcessResult.NotStarted n) {
        failures.add(error(what + " (" + n.reason() + ")"));
      }
    }
    return failures;
  }

  private static ErrorDetails details(Integer exitCode, ProcessOutput out) {
    return ErrorDetails.of(exitCode, out.stdoutTail(), out.stderrTail(), out.duration());
  }

  private BsfError error(String message) {
    return BsfError.of(
        ErrorCode.E_PREFLIGHT_FAILED, message, null, Phase.PREFLIGHT, clock.instant());
  }
}
