package dev.blueprint.journal.session;

import dev.blueprint.journal.transcript.TokenUsage;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One session journal as blueprint writes it: the front matter fields, then the body sections and
 * the handoff block. Build one with {@link #builder(String, LocalDate, String, String)}.
 *
 * @param sessionId the agent's session id (Claude Code's, or the run id)
 * @param date the day the session started, which names the file
 * @param sequence the file's number within its day; 0 until the writer assigns one
 * @param project the project's name (the repository folder's name by default)
 * @param agent who worked: {@code claude-code}, {@code codex}, a person's name
 * @param model the model that answered last
 * @param status where the session stands
 * @param started when the session started
 * @param ended when it ended
 * @param startCommit HEAD when the session started
 * @param endCommit HEAD when the journal was written
 * @param branch the branch checked out
 * @param blueprint the blueprint file the session worked on
 * @param blueprintProgress progress as people read it, e.g. {@code 12/40 (30%)}
 * @param previousSession the session id of the journal before this one
 * @param tokens token usage
 * @param costUsd cost in US dollars
 * @param summary a paragraph on what happened
 * @param workCompleted one line per thing done
 * @param filesChanged lines added and removed per file over the session's commits
 * @param commits the session's commits, oldest first
 * @param failures every failure, one line each
 * @param nextSteps one line per next step
 * @param handoff the handoff block
 */
public record Journal(
    String sessionId,
    LocalDate date,
    int sequence,
    String project,
    String agent,
    Optional<String> model,
    JournalStatus status,
    Optional<Instant> started,
    Optional<Instant> ended,
    Optional<String> startCommit,
    Optional<String> endCommit,
    Optional<String> branch,
    Optional<String> blueprint,
    Optional<String> blueprintProgress,
    Optional<String> previousSession,
    Optional<TokenUsage> tokens,
    Optional<BigDecimal> costUsd,
    String summary,
    List<String> workCompleted,
    List<FileChange> filesChanged,
    List<CommitEntry> commits,
    List<String> failures,
    List<String> nextSteps,
    Handoff handoff) {

  /** The journal format version written into every front matter. */
  public static final int SCHEMA_VERSION = 1;

  public Journal {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(status, "status");
    summary = summary == null ? "" : summary;
    workCompleted = List.copyOf(workCompleted);
    filesChanged = List.copyOf(filesChanged);
    commits = List.copyOf(commits);
    failures = List.copyOf(failures);
    nextSteps = List.copyOf(nextSteps);
    handoff = handoff == null ? Handoff.EMPTY : handoff;
  }

  /** Starts a journal from the parts every journal has. */
  public static Builder builder(String sessionId, LocalDate date, String project, String agent) {
    return new Builder(sessionId, date, project, agent);
  }

  /** The same journal with another sequence number (the writer assigns it). */
  public Journal withSequence(int newSequence) {
    return toBuilder().sequence(newSequence).build();
  }

  /** A builder holding every value of this journal. */
  public Builder toBuilder() {
    Builder b = new Builder(sessionId, date, project, agent);
    b.sequence = sequence;
    b.model = model.orElse(null);
    b.status = status;
    b.started = started.orElse(null);
    b.ended = ended.orElse(null);
    b.startCommit = startCommit.orElse(null);
    b.endCommit = endCommit.orElse(null);
    b.branch = branch.orElse(null);
    b.blueprint = blueprint.orElse(null);
    b.blueprintProgress = blueprintProgress.orElse(null);
    b.previousSession = previousSession.orElse(null);
    b.tokens = tokens.orElse(null);
    b.costUsd = costUsd.orElse(null);
    b.summary = summary;
    b.workCompleted.addAll(workCompleted);
    b.filesChanged.addAll(filesChanged);
    b.commits.addAll(commits);
    b.failures.addAll(failures);
    b.nextSteps.addAll(nextSteps);
    b.handoff = handoff;
    return b;
  }

  /** Collects a journal's values; optional ones may be left unset or set to null. */
  public static final class Builder {
    private final String sessionId;
    private final LocalDate date;
    private final String project;
    private final String agent;
    private int sequence;
    private String model;
    private JournalStatus status = JournalStatus.COMPLETE;
    private Instant started;
    private Instant ended;
    private String startCommit;
    private String endCommit;
    private String branch;
    private String blueprint;
    private String blueprintProgress;
    private String previousSession;
    private TokenUsage tokens;
    private BigDecimal costUsd;
    private String summary = "";
    private final List<String> workCompleted = new ArrayList<>();
    private final List<FileChange> filesChanged = new ArrayList<>();
    private final List<CommitEntry> commits = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final List<String> nextSteps = new ArrayList<>();
    private Handoff handoff = Handoff.EMPTY;

    private Builder(String sessionId, LocalDate date, String project, String agent) {
      this.sessionId = sessionId;
      this.date = date;
      this.project = project;
      this.agent = agent;
    }

    public Builder sequence(int value) {
      this.sequence = value;
      return this;
    }

    public Builder model(String value) {
      this.model = value;
      return this;
    }

    public Builder status(JournalStatus value) {
      this.status = value;
      return this;
    }

    public Builder started(Instant value) {
      this.started = value;
      return this;
    }

    public Builder ended(Instant value) {
      this.ended = value;
      return this;
    }

    public Builder startCommit(String value) {
      this.startCommit = value;
      return this;
    }

    public Builder endCommit(String value) {
      this.endCommit = value;
      return this;
    }

    public Builder branch(String value) {
      this.branch = value;
      return this;
    }

    public Builder blueprint(String value) {
      this.blueprint = value;
      return this;
    }

    public Builder blueprintProgress(String value) {
      this.blueprintProgress = value;
      return this;
    }

    public Builder previousSession(String value) {
      this.previousSession = value;
      return this;
    }

    public Builder tokens(TokenUsage value) {
      this.tokens = value;
      return this;
    }

    public Builder costUsd(BigDecimal value) {
      this.costUsd = value;
      return this;
    }

    public Builder summary(String value) {
      this.summary = value;
      return this;
    }

    public Builder workCompleted(List<String> values) {
      this.workCompleted.addAll(values);
      return this;
    }

    public Builder filesChanged(List<FileChange> values) {
      this.filesChanged.addAll(values);
      return this;
    }

    public Builder commits(List<CommitEntry> values) {
      this.commits.addAll(values);
      return this;
    }

    public Builder failures(List<String> values) {
      this.failures.addAll(values);
      return this;
    }

    public Builder nextSteps(List<String> values) {
      this.nextSteps.addAll(values);
      return this;
    }

    public Builder handoff(Handoff value) {
      this.handoff = value;
      return this;
    }

    public Journal build() {
      return new Journal(
          sessionId,
          date,
          sequence,
          project,
          agent,
          Optional.ofNullable(blank(model)),
          status,
          Optional.ofNullable(started),
          Optional.ofNullable(ended),
          Optional.ofNullable(blank(startCommit)),
          Optional.ofNullable(blank(endCommit)),
          Optional.ofNullable(blank(branch)),
          Optional.ofNullable(blank(blueprint)),
          Optional.ofNullable(blank(blueprintProgress)),
          Optional.ofNullable(blank(previousSession)),
          Optional.ofNullable(tokens),
          Optional.ofNullable(costUsd),
          summary,
          workCompleted,
          filesChanged,
          commits,
          failures,
          nextSteps,
          handoff);
    }

    private static String blank(String s) {
      return s == null || s.isBlank() ? null : s;
    }
  }
}
