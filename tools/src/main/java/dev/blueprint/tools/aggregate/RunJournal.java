package dev.blueprint.tools.aggregate;

import dev.blueprint.journal.git.GitCli;
import dev.blueprint.journal.session.JournalPublisher;
import dev.blueprint.journal.session.JournalService;
import dev.blueprint.journal.session.JournalStatus;
import dev.blueprint.journal.session.Redactor;
import dev.blueprint.journal.session.RunOutcome;
import dev.blueprint.journal.session.WrittenJournal;
import dev.blueprint.journal.transcript.TokenUsage;
import dev.blueprint.tools.status.BsfError;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hand-off at the end of a run: turns its {@link RunReport} into the journal's {@link
 * RunOutcome}, writes a session journal into {@code sessions/} and hands it to a publisher (the
 * commit queue, or {@link JournalPublisher#NONE} to leave it in the working tree).
 */
public final class RunJournal {
  private final Path repo;
  private final GitCli git;
  private final Map<String, String> env;
  private final Clock clock;
  private final JournalPublisher publisher;

  public RunJournal(
      Path repo, GitCli git, Map<String, String> env, Clock clock, JournalPublisher publisher) {
    this.repo = repo;
    this.git = git;
    this.env = env;
    this.clock = clock;
    this.publisher = publisher;
  }

  public WrittenJournal write(RunReport r) throws IOException {
    return new JournalService(repo, new Redactor(env), publisher, clock).writeFromRun(outcome(r));
  }

  RunOutcome outcome(RunReport r) {
    List<String> completed = new ArrayList<>();
    for (RunReport.LandedCommit c : r.commits()) {
      completed.add(
          c.subject() + " (" + c.sha().substring(0, Math.min(12, c.sha().length())) + ")");
    }
    List<String> failures = new ArrayList<>();
    List<String> blocked = new ArrayList<>();
    List<String> deferred = new ArrayList<>();
    for (BsfError e : r.runErrors()) {
      failures.add("run: " + e.code() + " " + e.message());
    }
    for (RunReport.Problem p : r.problems()) {
      String line =
          p.taskId() + " " + p.state().wire() + ": " + p.error().code() + " " + p.error().message();
      switch (p.state()) {
        case BLOCKED, SKIPPED -> blocked.add(line);
        case WAITING_HUMAN, PENDING, RUNNING, SUCCEEDED -> deferred.add(line);
        default -> failures.add(line);
      }
    }
    List<String> next = new ArrayList<>();
    if (!failures.isEmpty()) {
      next.add("look at the failures: bp status " + r.runId() + " --task TASK");
    }
    for (RunReport.Problem p : r.problems()) {
      if (p.state() == dev.blueprint.tools.status.TaskState.WAITING_HUMAN) {
        next.add("approve: bp approve " + r.runId() + " " + p.taskId());
      }
    }
    if (!r.successful()) {
      next.add("resume after fixing: bp dispatch " + r.blueprint() + " --resume " + r.runId());
    }
    String primer =
        r.successful()
            ? "every task of " + r.blueprint() + " landed; pick the next blueprint"
            : next.get(0);
    String summary =
        "Run "
            + r.runId()
            + " of "
            + r.blueprint()
            + " "
            + r.state().wire()
            + ": "
            + r.landed()
            + " of "
            + r.scheduled()
            + " tasks landed"
            + (r.problems().isEmpty() ? "." : ", " + r.problems().size() + " did not.");
    var t = r.tokens();
    return new RunOutcome(
        r.runId(),
        "blueprint",
        Optional.empty(),
        Optional.ofNullable(r.blueprint()),
        Optional.of(
            r.landed()
                + "/"
                + r.scheduled()
                + " ("
                + (r.scheduled() == 0 ? 0 : r.landed() * 100 / r.scheduled())
                + "%)"),
        r.state().isFinal() ? JournalStatus.COMPLETE : JournalStatus.CHECKPOINT,
        r.startedAt(),
        r.endedAt() != null ? r.endedAt() : clock.instant(),
        startCommit(r),
        Optional.of(
            new TokenUsage(
                t.inputTokens(), t.outputTokens(), t.cacheCreationTokens(), t.cacheReadTokens())),
        Optional.ofNullable(r.costUsd()).map(BigDecimal::valueOf),
        summary,
        completed,
        failures,
        deferred,
        blocked,
        next,
        primer);
  }

  /** The parent of the first commit the run landed: where its work began. */
  private Optional<String> startCommit(RunReport r) {
    if (r.commits().isEmpty()) {
      return Optional.empty();
    }
    GitCli.Result parent = git.run(repo, "rev-parse", "--verify", r.commits().get(0).sha() + "^");
    return parent.ok() ? Optional.of(parent.output().strip()) : Optional.empty();
  }
}
