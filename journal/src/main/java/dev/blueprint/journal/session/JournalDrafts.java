package dev.blueprint.journal.session;

import dev.blueprint.journal.transcript.ToolFailure;
import dev.blueprint.journal.transcript.TranscriptFacts;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns facts (a transcript, a run, flags) and git history into a {@link Journal}. Pure: no I/O,
 * and the time comes in as an argument.
 */
final class JournalDrafts {
  private static final int MAX_FAILURE_CHARS = 300;
  private static final Pattern CLAUDE_SESSION_FILE =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private JournalDrafts() {}

  static Journal fromTranscript(
      TranscriptFacts facts,
      String fileSessionId,
      GitFacts git,
      Path repoRoot,
      String project,
      String agent,
      JournalStatus status,
      Optional<String> startCommit,
      Instant now) {
    // Claude Code names a transcript after its session, the id hooks and sweep know it by; lines
    // copied from a resumed session may carry the older id
    String sessionId =
        CLAUDE_SESSION_FILE.matcher(fileSessionId).matches()
            ? fileSessionId
            : facts.sessionId().orElse(fileSessionId);
    Instant started = facts.firstTimestamp().orElse(now);
    List<String> subjects = git.commits().stream().map(CommitEntry::subject).toList();
    List<String> edited = relative(facts.editedFiles(), repoRoot, facts.cwd());
    Set<String> committed = new LinkedHashSet<>();
    git.filesChanged().forEach(f -> committed.add(f.path()));
    List<String> uncommitted = edited.stream().filter(p -> !committed.contains(p)).toList();

    List<String> work = new ArrayList<>(subjects);
    if (!edited.isEmpty()) {
      work.add("Edited " + edited.size() + " file(s): " + String.join(", ", edited));
    }
    if (!facts.commands().isEmpty()) {
      work.add("Ran " + facts.commands().size() + " shell command(s)");
    }
    String summary =
        facts.summaries().isEmpty()
            ? "Claude Code session"
                + facts.cwd().map(c -> " in `" + c + "`").orElse("")
                + ": "
                + edited.size()
                + " file(s) edited, "
                + facts.commands().size()
                + " command(s) run, "
                + git.commits().size()
                + " commit(s)."
            : String.join("\n\n", facts.summaries());
    List<String> openItems =
        uncommitted.stream().map(p -> "Edited but not committed: " + p).toList();
    return Journal.builder(sessionId, date(started), project, agent)
        .model(facts.lastModel().orElse(null))
        .status(status)
        .started(started)
        .ended(facts.lastTimestamp().orElse(null))
        .startCommit(startCommit.orElse(null))
        .endCommit(git.headCommit().orElse(null))
        .branch(git.branch().orElse(null))
        .tokens(facts.usage())
        .summary(summary)
        .workCompleted(work)
        .filesChanged(git.filesChanged())
        .commits(git.commits())
        .failures(facts.toolFailures().stream().map(JournalDrafts::failureLine).toList())
        .handoff(
            new Handoff(
                subjects,
                List.of(),
                List.of(),
                openItems,
                uncommitted.isEmpty() ? "" : "Review and commit the uncommitted edits.",
                resumeContext(git)))
        .build();
  }

  static Journal fromRun(RunOutcome run, GitFacts git, String project) {
    return Journal.builder(run.runId(), date(run.started()), project, run.agent())
        .model(run.model().orElse(null))
        .status(run.status())
        .started(run.started())
        .ended(run.ended())
        .startCommit(run.startCommit().orElse(null))
        .endCommit(git.headCommit().orElse(null))
        .branch(git.branch().orElse(null))
        .blueprint(run.blueprint().orElse(null))
        .blueprintProgress(run.blueprintProgress().orElse(null))
        .tokens(run.tokens().orElse(null))
        .costUsd(run.costUsd().orElse(null))
        .summary(run.summary())
        .workCompleted(run.completedTasks())
        .filesChanged(git.filesChanged())
        .commits(git.commits())
        .failures(run.failures())
        .nextSteps(run.nextSteps())
        .handoff(
            new Handoff(
                run.completedTasks(),
                run.deferred(),
                run.blocked(),
                run.failures(),
                run.nextActionPrimer(),
                resumeContext(git)))
        .build();
  }

  static Journal byHand(
      ManualEntry entry, String sessionId, GitFacts git, String project, Instant now) {
    return Journal.builder(sessionId, date(now), project, entry.agent())
        .model(entry.model().orElse(null))
        .status(entry.status())
        .started(now)
        .startCommit(entry.startCommit().orElse(null))
        .endCommit(git.headCommit().orElse(null))
        .branch(git.branch().orElse(null))
        .blueprint(entry.blueprint().orElse(null))
        .blueprintProgress(entry.blueprintProgress().orElse(null))
        .summary(entry.summary())
        .workCompleted(entry.workCompleted())
        .filesChanged(git.filesChanged())
        .commits(git.commits())
        .failures(entry.failures())
        .nextSteps(entry.nextSteps())
        .handoff(
            new Handoff(
                entry.workCompleted(),
                List.of(),
                List.of(),
                List.of(),
                entry.nextSteps().isEmpty() ? "" : entry.nextSteps().get(0),
                resumeContext(git)))
        .build();
  }

  static String failureLine(ToolFailure f) {
    String message = f.message().strip();
    int nl = message.indexOf('\n');
    String first = nl < 0 ? message : message.substring(0, nl) + " …";
    if (first.length() > MAX_FAILURE_CHARS) {
      first = first.substring(0, MAX_FAILURE_CHARS) + " …";
    }
    String subject = f.subject().isBlank() ? "" : " `" + oneLine(f.subject()) + "`";
    return f.tool() + subject + " failed: " + first;
  }

  private static String oneLine(String s) {
    String flat = s.strip().replace('\n', ' ').replace("`", "'");
    return flat.length() > MAX_FAILURE_CHARS ? flat.substring(0, MAX_FAILURE_CHARS) + " …" : flat;
  }

  private static String resumeContext(GitFacts git) {
    if (git.headCommit().isEmpty()) {
      return "";
    }
    String head = git.headCommit().get();
    return "Branch "
        + git.branch().orElse("(detached)")
        + " at "
        + head.substring(0, Math.min(7, head.length()))
        + ".";
  }

  private static LocalDate date(Instant instant) {
    return instant.atZone(ZoneOffset.UTC).toLocalDate();
  }

  /**
   * Paths relative to the repository, or else to the session's working directory (a transcript read
   * on another machine or after the repository moved), or as written.
   */
  private static List<String> relative(List<String> files, Path repoRoot, Optional<String> cwd) {
    List<Path> roots = new ArrayList<>();
    roots.add(repoRoot.toAbsolutePath().normalize());
    cwd.map(Path::of).filter(Path::isAbsolute).map(Path::normalize).ifPresent(roots::add);
    List<String> out = new ArrayList<>();
    for (String f : files) {
      Path p = Path.of(f).normalize();
      String rel = f;
      for (Path root : roots) {
        if (p.isAbsolute() && p.startsWith(root) && !p.equals(root)) {
          rel = root.relativize(p).toString();
          break;
        }
      }
      out.add(rel.replace('\\', '/'));
    }
    return out;
  }
}
