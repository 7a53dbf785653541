package dev.blueprint.journal.session;

import dev.blueprint.journal.transcript.TokenUsage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a blueprint run reports when it ends, in the shape a journal needs. The aggregate step of a
 * run builds one and calls {@link JournalService#writeFromRun(RunOutcome)}.
 *
 * @param runId the run's id, used as the session id
 * @param agent the agent (or orchestrator) that ran the work
 * @param model the model, when one model did the work
 * @param blueprint the blueprint file
 * @param blueprintProgress e.g. {@code 12/40 (30%)}
 * @param status how the run ended
 * @param started when the run started
 * @param ended when it ended
 * @param startCommit the integration tip the run started from
 * @param tokens tokens over all tasks
 * @param costUsd cost over all tasks
 * @param summary a paragraph on the run
 * @param completedTasks one line per task that succeeded
 * @param failures one line per failure, every one
 * @param deferred tasks left for later
 * @param blocked tasks that could not start
 * @param nextSteps what to do next
 * @param nextActionPrimer the first thing the next session should do
 */
public record RunOutcome(
    String runId,
    String agent,
    Optional<String> model,
    Optional<String> blueprint,
    Optional<String> blueprintProgress,
    JournalStatus status,
    Instant started,
    Instant ended,
    Optional<String> startCommit,
    Optional<TokenUsage> tokens,
    Optional<BigDecimal> costUsd,
    String summary,
    List<String> completedTasks,
    List<String> failures,
    List<String> deferred,
    List<String> blocked,
    List<String> nextSteps,
    String nextActionPrimer) {

  public RunOutcome {
    completedTasks = List.copyOf(completedTasks);
    failures = List.copyOf(failures);
    deferred = List.copyOf(deferred);
    blocked = List.copyOf(blocked);
    nextSteps = List.copyOf(nextSteps);
  }
}
