package dev.blueprint.server.cli;

import dev.blueprint.journal.session.JournalPublisher;
import dev.blueprint.journal.session.JournalService;
import dev.blueprint.journal.session.QueuedJournalPublisher;
import dev.blueprint.journal.session.Redactor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bp journal sweep}: journals Claude Code sessions of this repository whose SessionEnd hook
 * never ran (a killed client). Transcripts live in {@code ~/.claude/projects/}; {@code
 * BP_CLAUDE_PROJECTS} or {@code --projects} point elsewhere.
 */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description = "Journal Claude Code transcripts of this repository that have no journal yet.")
final class JournalSweepCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin RepositoryOption repo;

  @Option(
      names = "--projects",
      paramLabel = "DIR",
      description =
          "Claude Code's projects folder (default: $BP_CLAUDE_PROJECTS or ~/.claude/projects).")
  Path projects;

  @Option(
      names = "--settle-minutes",
      description =
          "Leave transcripts changed in the last N minutes alone (default: ${DEFAULT-VALUE}).")
  long settleMinutes = 10;

  @Option(names = "--dry-run", description = "List what would be journaled; write nothing.")
  boolean dryRun;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  @Option(
      names = "--no-commit",
      description = "Leave the journals in the working tree instead of committing them.")
  boolean noCommit;

  @Override
  public Integer call() throws IOException {
    if (settleMinutes < 0) {
      throw new UsageException("--settle-minutes must not be negative");
    }
    Path root = projects != null ? projects : defaultProjects();
    Path repoRoot = repo.root();
    JournalPublisher publisher =
        noCommit || dryRun
            ? JournalPublisher.NONE
            : new QueuedJournalPublisher(repoRoot, spec.commandLine().getErr());
    JournalService service =
        new JournalService(repoRoot, new Redactor(System.getenv()), publisher, Clock.systemUTC());
    List<Path> found;
    try {
      found = service.sweep(root, Duration.ofMinutes(settleMinutes), dryRun);
    } catch (QueuedJournalPublisher.NotCommitted e) {
      spec.commandLine().getErr().println("bp: " + e.getMessage());
      return ExitCodes.PROBLEM_FOUND;
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      var top = JournalJson.top();
      top.put("projects", root.toString());
      top.put("dry_run", dryRun);
      top.put("transcripts", found.stream().map(Path::toString).toList());
      out.println(JournalJson.write(top));
      return ExitCodes.OK;
    }
    if (found.isEmpty()) {
      out.println("every transcript under " + root + " has a journal");
    }
    for (Path p : found) {
      out.println((dryRun ? "would journal " : "journaled ") + p);
    }
    return ExitCodes.OK;
  }

  static Path defaultProjects() {
    String env = System.getenv("BP_CLAUDE_PROJECTS");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return Path.of(System.getProperty("user.home"), ".claude", "projects");
  }
}
