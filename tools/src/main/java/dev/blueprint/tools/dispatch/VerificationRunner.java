package dev.blueprint.tools.dispatch;

import dev.blueprint.tools.blueprint.Durations;
import dev.blueprint.tools.blueprint.Task;
import dev.blueprint.tools.blueprint.TestTier;
import dev.blueprint.tools.blueprint.VerificationStep;
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
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Runs a task's verification tiers in its workspace, in order (smoke, unit, integration, e2e; the
 * legacy {@code test_command} counts as unit when there is no unit tier), each in the blueprint's
 * shell with its own timeout (default PT2M). The first required tier that fails or times out stops
 * the run of tiers with E_VERIFICATION_FAILED carrying its capped output; an optional tier's
 * failure is recorded and passed over.
 */
public final class VerificationRunner {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

  private final ProcessRunner runner;
  private final ShellConfig shell;
  private final Clock clock;

  public VerificationRunner(ProcessRunner runner, ShellConfig shell, Clock clock) {
    this.runner = runner;
    this.shell = shell;
    this.clock = clock;
  }

  /** The steps a task declares, in the order they run. */
  public static List<VerificationStep> stepsOf(Task task) {
    List<VerificationStep> steps = new ArrayList<>(task.verification());
    boolean hasUnit = steps.stream().anyMatch(s -> s.tier() == TestTier.UNIT);
    if (task.testCommand() != null && !task.testCommand().isBlank() && !hasUnit) {
      steps.add(
          new VerificationStep(
              TestTier.UNIT, task.testCommand(), null, List.of(), false, 0, task.line()));
    }
    steps.sort(Comparator.comparing(VerificationStep::tier));
    return steps;
  }

  public VerificationOutcome verify(
      Task task, Path workspace, Path logDir, Map<String, String> env) {
    return verify(task, workspace, logDir, env, UnaryOperator.identity());
  }

  /**
   * @param commandText rewrites each command before it runs (secret substitution)
   */
  public VerificationOutcome verify(
      Task task,
      Path workspace,
      Path logDir,
      Map<String, String> env,
      UnaryOperator<String> commandText) {
    List<VerificationOutcome.Step> done = new ArrayList<>();
    for (VerificationStep step : stepsOf(task)) {
      if (step.command() == null || step.command().isBlank()) {
        continue;
      }
      Duration timeout = Durations.parseOr(step.timeout(), DEFAULT_TIMEOUT);
      String tier = step.tier().name().toLowerCase(Locale.ROOT);
      ProcessResult r =
          runner.run(
              ProcessSpec.of(
                      shell.argv(commandText.apply(step.command())),
                      workspace,
                      timeout,
                      logDir,
                      task.id() + "-verify-" + tier)
                  .withEnv(env));
      Optional<BsfError> failure = judge(task, step, tier, timeout, r);
      Integer exit = r instanceof ProcessResult.Exited e ? e.exitCode() : null;
      Duration took = output(r).map(ProcessOutput::duration).orElse(Duration.ZERO);
      done.add(
          new VerificationOutcome.Step(
              step.tier(), step.command(), failure.isEmpty(), step.optional(), exit, took));
      if (failure.isPresent() && !step.optional()) {
        return new VerificationOutcome(done, failure);
      }
    }
    return new VerificationOutcome(done, Optional.empty());
  }

  private Optional<BsfError> judge(
      Task task, VerificationStep step, String tier, Duration timeout, ProcessResult r) {
    String message;
    if (r instanceof ProcessResult.Exited e) {
      if (e.exitCode() == step.expectedExitCode()) {
        return Optional.empty();
      }
      message =
          tier
              + " verification failed: `"
              + step.command()
              + "` exited "
              + e.exitCode()
              + (step.expectedExitCode() == 0 ? "" : ", expected " + step.expectedExitCode());
    } else if (r instanceof ProcessResult.TimedOut) {
      message = tier + " verification timed out after " + timeout + ": `" + step.command() + "`";
    } else {
      message = tier + " verification could not start: " + ((ProcessResult.NotStarted) r).reason();
    }
    BsfError error =
        BsfError.of(
            ErrorCode.E_VERIFICATION_FAILED,
            message,
            task.id(),
            Phase.VERIFICATION,
            clock.instant());
    Optional<ProcessOutput> out = output(r);
    if (out.isPresent()) {
      Integer exit = r instanceof ProcessResult.Exited e ? e.exitCode() : null;
      error =
          error.withDetails(
              ErrorDetails.of(
                  exit, out.get().stdoutTail(), out.get().stderrTail(), out.get().duration()));
    }
    return Optional.of(error);
  }

  private static Optional<ProcessOutput> output(ProcessResult r) {
    if (r instanceof ProcessResult.Exited e) {
      return Optional.of(e.output());
    }
    if (r instanceof ProcessResult.TimedOut t) {
      return Optional.of(t.output());
    }
    return Optional.empty();
  }
}
