package dev.blueprint.tools.dispatch;

import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.Durations;
import dev.blueprint.tools.blueprint.FailureAction;
import dev.blueprint.tools.blueprint.Task;
import dev.blueprint.tools.blueprint.VerificationStep;
import dev.blueprint.tools.dispatch.agents.AgentAdapter;
import dev.blueprint.tools.dispatch.agents.AgentCatalog;
import dev.blueprint.tools.dispatch.agents.AgentRequest;
import dev.blueprint.tools.dispatch.agents.AgentRun;
import dev.blueprint.tools.dispatch.agents.AgentRunner;
import dev.blueprint.tools.dispatch.agents.ModelChooser;
import dev.blueprint.tools.dispatch.agents.PromptBuilder;
import dev.blueprint.tools.dispatch.agents.ShellConfig;
import dev.blueprint.tools.dispatch.preflight.CapabilityChecker;
import dev.blueprint.tools.dispatch.secrets.SecretOutcome;
import dev.blueprint.tools.dispatch.secrets.SecretResolver;
import dev.blueprint.tools.status.Attempt;
import dev.blueprint.tools.status.AttemptOutcome;
import dev.blueprint.tools.status.BsfError;
import dev.blueprint.tools.status.ErrorCode;
import dev.blueprint.tools.status.Phase;
import dev.blueprint.tools.status.RetryInfo;
import dev.blueprint.tools.status.RunStore;
import dev.blueprint.tools.status.TaskState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one attempt of one task in a workspace the caller provides, and records it in the run store:
 * capability check, secrets, the agent (through its circuit breaker), verification, and the retry
 * decision. It knows nothing of git: acquiring the workspace, committing and landing are the
 * engine's.
 *
 * <p>Secret values are substituted into the task's own commands (its {@code command} lines and
 * verification commands) and given to the agent process as environment variables of the same name;
 * the prompt keeps the {@code ${secrets.NAME}} references, so no secret value is sent to an LLM
 * provider.
 */
public final class TaskAttemptRunner {
  /** BSF: {@code resources.timeout} bounds the whole task, default PT1H. */
  public static final Duration DEFAULT_TASK_TIMEOUT = Duration.ofHours(1);

  private final RunStore store;
  private final AgentCatalog catalog;
  private final AgentRunner agents;
  private final VerificationRunner verifier;
  private final CapabilityChecker capabilities;
  private final SecretResolver secrets;
  private final AgentBreakers breakers;
  private final Clock clock;

  public TaskAttemptRunner(
      RunStore store,
      AgentCatalog catalog,
      AgentRunner agents,
      VerificationRunner verifier,
      CapabilityChecker capabilities,
      SecretResolver secrets,
      AgentBreakers breakers,
      Clock clock) {
    this.store = store;
    this.catalog = catalog;
    this.agents = agents;
    this.verifier = verifier;
    this.capabilities = capabilities;
    this.secrets = secrets;
    this.breakers = breakers;
    this.clock = clock;
  }

  /**
   * @param agentName chosen by {@link dev.blueprint.tools.dispatch.agents.AgentSelector}
   * @param bindingValues resolved input binding values, by binding name
   */
  public AttemptReport run(
      String runId,
      Blueprint blueprint,
      Task task,
      String agentName,
      Path workspace,
      Path logDir,
      Map<String, String> bindingValues) {
    Optional<BsfError> missing = capabilities.check(task.id(), task.requiredCapabilities());
    if (missing.isPresent()) {
      store.setTaskState(
          runId, task.id(), TaskState.FAILED, missing.get(), missing.get().message());
      return new AttemptReport.GaveUp(missing.get(), task.onFailure().action(), null);
    }
    Map<String, String> resolved = new HashMap<>();
    Map<String, String> secretEnv = new LinkedHashMap<>();
    for (String text : commandsOf(task)) {
      SecretOutcome out = secrets.resolve(text, task.id());
      if (out instanceof SecretOutcome.SkipTask s) {
        store.setTaskState(runId, task.id(), TaskState.SKIPPED, s.error(), s.error().message());
        return new AttemptReport.Skipped(s.error());
      }
      if (out instanceof SecretOutcome.Abort a) {
        store.setTaskState(runId, task.id(), TaskState.BLOCKED, a.error(), a.error().message());
        return new AttemptReport.AbortRun(a.error());
      }
      SecretOutcome.Resolved r = (SecretOutcome.Resolved) out;
      resolved.put(text, r.text());
      secretEnv.putAll(r.values());
    }
    Optional<AgentAdapter> adapter = catalog.find(agentName);
    if (adapter.isEmpty()) {
      BsfError e =
          BsfError.of(
              ErrorCode.E_SETUP_FAILED,
              "no agent named "
                  + agentName
                  + " (known: "
                  + String.join(", ", catalog.names())
                  + ")",
              task.id(),
              Phase.SETUP,
              clock.instant());
      store.setTaskState(runId, task.id(), TaskState.FAILED, e, e.message());
      return new AttemptReport.GaveUp(e, FailureAction.BLOCK, null);
    }
    if (!breakers.allows(agentName)) {
      return new AttemptReport.AgentPaused(
          breakers.whyRefused(agentName).orElse("agent " + agentName + " is paused"));
    }

    String logName = task.id() + "-" + nextAttemptNumber(runId, task);
    Attempt attempt =
        store.startAttempt(
            runId, task.id(), agentName, logDir.resolve(logName + ".stdout.log").toString());
    AgentRequest request =
        new AgentRequest(
            task.id(),
            PromptBuilder.build(task, bindingValues),
            workspace,
            ModelChooser.modelFor(blueprint, task, agentName).orElse(null),
            Durations.parseOr(task.timeout(), DEFAULT_TASK_TIMEOUT),
            task.command().stream().map(c -> resolved.getOrDefault(c, c)).toList(),
            ShellConfig.of(blueprint.execution()),
            files(task),
            secretEnv);
    AgentRun run = agents.run(adapter.get(), request, logDir, logName);
    if (run instanceof AgentRun.Failed f) {
      breakers.recordFailure(
          agentName,
          f.output() == null ? Duration.ZERO : f.output().duration(),
          f.error().message());
      TaskState terminal =
          f.error().code() == ErrorCode.E_TIMEOUT ? TaskState.TIMED_OUT : TaskState.FAILED;
      return failed(
          runId, task, attempt, f.error(), terminal, f.output() == null ? null : exitOf(f));
    }
    AgentRun.Succeeded s = (AgentRun.Succeeded) run;
    breakers.recordSuccess(agentName, s.output().duration());
    VerificationOutcome v =
        verifier.verify(task, workspace, logDir, secretEnv, c -> resolved.getOrDefault(c, c));
    if (!v.passed()) {
      return failed(runId, task, attempt, v.failure().orElseThrow(), TaskState.FAILED, 0);
    }
    store.finishAttempt(
        runId,
        task.id(),
        attempt.number(),
        AttemptOutcome.succeeded(
            0, s.result().tokens(), s.result().costUsd(), s.result().sessionId()));
    return new AttemptReport.Succeeded(s.result(), v, v.empty());
  }

  private AttemptReport failed(
      String runId,
      Task task,
      Attempt attempt,
      BsfError error,
      TaskState terminal,
      Integer exitCode) {
    int failedSoFar = failedAttempts(runId, task) + 1;
    RetryDecision d = RetryPolicy.afterFailure(task.onFailure(), failedSoFar);
    boolean retry = d instanceof RetryDecision.Retry;
    BsfError withRetry =
        error.withRetryInfo(
            new RetryInfo(attempt.number(), RetryPolicy.maxAttempts(task.onFailure()), retry));
    store.finishAttempt(
        runId,
        task.id(),
        attempt.number(),
        AttemptOutcome.failed(retry ? TaskState.PENDING : terminal, exitCode, withRetry));
    if (d instanceof RetryDecision.Retry r) {
      return new AttemptReport.WillRetry(withRetry, r.delay());
    }
    RetryDecision.GiveUp g = (RetryDecision.GiveUp) d;
    return new AttemptReport.GaveUp(withRetry, g.action(), g.fallbackTask());
  }

  /** Attempts that failed on their own (not those cut short by a crash of blueprint). */
  private int failedAttempts(String runId, Task task) {
    return (int)
        store.attempts(runId, task.id()).stream()
            .filter(a -> a.error() != null && !a.error().message().startsWith("interrupted: "))
            .count();
  }

  private int nextAttemptNumber(String runId, Task task) {
    return store.task(runId, task.id()).map(t -> t.attempts() + 1).orElse(1);
  }

  private static Integer exitOf(AgentRun.Failed f) {
    return f.error().details() == null ? null : f.error().details().exitCode();
  }

  private static List<String> commandsOf(Task task) {
    List<String> all = new ArrayList<>(task.command());
    for (VerificationStep s : VerificationRunner.stepsOf(task)) {
      if (s.command() != null) {
        all.add(s.command());
      }
    }
    return all;
  }

  private static List<String> files(Task task) {
    List<String> f = new ArrayList<>(task.filesToCreate());
    f.addAll(task.filesToModify());
    return f;
  }
}
