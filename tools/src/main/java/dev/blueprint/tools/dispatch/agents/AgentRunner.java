package dev.blueprint.tools.dispatch.agents;

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

/**
 * Runs one agent attempt: builds the invocation, starts it in the workspace with the task's
 * timeout, and turns what happened into a result or a BSF error (E_TIMEOUT, E_EXECUTION_FAILED,
 * E_SETUP_FAILED).
 */
public final class AgentRunner {
  private final ProcessRunner processes;
  private final Clock clock;

  public AgentRunner(ProcessRunner processes, Clock clock) {
    this.processes = processes;
    this.clock = clock;
  }

  /**
   * @param logDir where {@code <logName>.stdout.log} and {@code .stderr.log} go
   */
  public AgentRun run(AgentAdapter adapter, AgentRequest request, Path logDir, String logName) {
    AgentInvocation inv;
    try {
      inv = adapter.invocation(request);
    } catch (IllegalArgumentException e) {
      return new AgentRun.Failed(
          error(ErrorCode.E_SETUP_FAILED, e.getMessage(), request, Phase.SETUP), null, null);
    }
    ProcessSpec spec =
        new ProcessSpec(
            inv.argv(),
            request.workspace(),
            inv.env(),
            inv.stdin(),
            request.timeout(),
            logDir,
            logName,
            ProcessSpec.DEFAULT_GRACE);
    ProcessResult r = processes.run(spec);
    if (r instanceof ProcessResult.NotStarted ns) {
      return new AgentRun.Failed(
          error(
              ErrorCode.E_EXECUTION_FAILED,
              adapter.name() + ": " + ns.reason(),
              request,
              Phase.EXECUTION),
          null,
          null);
    }
    if (r instanceof ProcessResult.TimedOut t) {
      String msg =
          adapter.name()
              + " did not finish within "
              + request.timeout()
              + "; its process tree was killed";
      return new AgentRun.Failed(
          error(ErrorCode.E_TIMEOUT, msg, request, Phase.EXECUTION)
              .withDetails(details(null, t.output())),
          null,
          t.output());
    }
    ProcessResult.Exited e = (ProcessResult.Exited) r;
    AgentResult result = adapter.parse(e.exitCode(), e.output());
    if (result.success()) {
      return new AgentRun.Succeeded(result, e.output());
    }
    String msg =
        adapter.name() + " failed (exit " + e.exitCode() + "): " + firstLine(result.summary());
    return new AgentRun.Failed(
        error(ErrorCode.E_EXECUTION_FAILED, msg, request, Phase.EXECUTION)
            .withDetails(details(e.exitCode(), e.output())),
        result,
        e.output());
  }

  private BsfError error(ErrorCode code, String message, AgentRequest request, Phase phase) {
    return BsfError.of(code, message, request.taskId(), phase, clock.instant());
  }

  private static ErrorDetails details(Integer exitCode, ProcessOutput out) {
    return ErrorDetails.of(exitCode, out.stdoutTail(), out.stderrTail(), out.duration());
  }

  private static String firstLine(String s) {
    if (s == null || s.isBlank()) {
      return "no message";
    }
    String line = s.strip().lines().findFirst().orElse("");
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }
}
