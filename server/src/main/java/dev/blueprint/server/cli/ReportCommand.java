package dev.blueprint.server.cli;

import dev.blueprint.journal.workrate.HtmlReport;
import dev.blueprint.journal.workrate.JournalSessionSource;
import dev.blueprint.journal.workrate.JsonReport;
import dev.blueprint.journal.workrate.MarkdownReport;
import dev.blueprint.journal.workrate.OutcomePolicy;
import dev.blueprint.journal.workrate.WorkRateAnalyzer;
import dev.blueprint.journal.workrate.WorkRateReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bp report}: the effective work rate of every session, as markdown, JSON or HTML. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Effective work rate: per session, the lines its commits added and how many are still at"
          + " HEAD; then per agent and model, per blueprint and per week.",
      "Results are cached in .blueprint/workrate.db, so a second run reads only new commits."
    })
final class ReportCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(ReportCommand.class);

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"-C", "--repo"},
      paramLabel = "DIR",
      description = "A folder inside the repository's work tree (default: current directory).")
  Path repo = Path.of(".");

  @Option(
      names = "--since",
      paramLabel = "DATE",
      description = "Only sessions on or after this day (YYYY-MM-DD).")
  String since;

  @Option(names = "--html", paramLabel = "FILE", description = "Also write an HTML page here.")
  Path html;

  @Option(names = "--json", description = "Print JSON (schema_version 1) instead of markdown.")
  boolean json;

  @Option(
      names = "--by",
      paramLabel = "PERIOD",
      description = "Group over time by week or day (default: ${DEFAULT-VALUE}).",
      defaultValue = "week")
  String by;

  @Option(
      names = "--min-later-commits",
      paramLabel = "N",
      description = "A session is too early until N commits follow it (default: ${DEFAULT-VALUE}).",
      defaultValue = "10")
  int minLaterCommits;

  @Option(
      names = "--min-days",
      paramLabel = "D",
      description =
          "A session is too early until D days separate it from HEAD (default: ${DEFAULT-VALUE}).",
      defaultValue = "2")
  int minDays;

  /**
   * The entry point the {@code bp} launcher uses for {@code bp report}: the same command, output
   * and exit codes as {@code bp report} through {@link Main}, without building the models of the
   * other commands first (picocli reflects over every subcommand when the tree is built, which cost
   * about 0.1 s of every report's start-up here).
   */
  public static void main(String[] args) {
    System.exit(standalone().execute(args));
  }

  /** {@code bp report} as a command line of its own, with the shared error handling. */
  static CommandLine standalone() {
    CommandLine cli = new CommandLine(new ReportCommand());
    cli.setCommandName("bp report");
    cli.setExecutionExceptionHandler(new ExitCodes());
    cli.setExitCodeExceptionMapper(new ExitCodes());
    return cli;
  }

  @Override
  public Integer call() throws IOException {
    Path workTree = workTree(repo.toAbsolutePath().normalize());
    if (minLaterCommits < 0 || minDays < 0) {
      throw new UsageException("--min-later-commits and --min-days must not be negative");
    }
    WorkRateAnalyzer.Options options =
        new WorkRateAnalyzer.Options(
            sinceDate(),
            period(),
            OutcomePolicy.DEFAULTS.withTooEarly(minLaterCommits, minDays),
            WorkRateAnalyzer.DEFAULT_EXCLUDED);
    WorkRateAnalyzer.Result result;
    try {
      result =
          new WorkRateAnalyzer(
                  workTree, new JournalSessionSource(workTree.resolve("sessions")), options)
              .analyze();
    } catch (RepositoryNotFoundException e) {
      throw new UsageException(workTree + ": not a git repository");
    } catch (IllegalStateException e) {
      throw new UsageException(e.getMessage());
    }
    LOG.info(
        "work rate: {} commits read{}",
        result.commitsProcessed(),
        result.fullRebuild() ? " (cache rebuilt)" : "");
    WorkRateReport report = result.report();
    if (html != null) {
      writeAtomically(html.toAbsolutePath(), HtmlReport.render(report));
    }
    spec.commandLine()
        .getOut()
        .print(json ? JsonReport.render(report) : MarkdownReport.render(report));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  /** The work tree holding {@code dir}, searching upwards as git does. */
  private static Path workTree(Path dir) {
    FileRepositoryBuilder found = new FileRepositoryBuilder().findGitDir(dir.toFile());
    if (found.getGitDir() == null) {
      throw new UsageException(dir + ": not inside a git work tree");
    }
    try {
      found.setup();
    } catch (IllegalArgumentException | IOException e) {
      throw new UsageException(dir + ": cannot open the git repository (" + e.getMessage() + ")");
    }
    if (found.getWorkTree() == null) {
      throw new UsageException(dir + ": a bare repository has no sessions/ to report on");
    }
    return found.getWorkTree().toPath();
  }

  private Optional<LocalDate> sinceDate() {
    if (since == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(since));
    } catch (DateTimeParseException e) {
      throw new UsageException("--since: '" + since + "' is not a date like 2026-01-31");
    }
  }

  private WorkRateReport.Period period() {
    return switch (by) {
      case "week" -> WorkRateReport.Period.WEEK;
      case "day" -> WorkRateReport.Period.DAY;
      default -> throw new UsageException("--by: expected week or day, got '" + by + "'");
    };
  }

  private static void writeAtomically(Path target, String content) throws IOException {
    Path dir = target.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new UsageException(target + ": folder does not exist");
    }
    Path temp = Files.createTempFile(dir, ".report-", ".tmp");
    try {
      Files.writeString(temp, content, StandardCharsets.UTF_8);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
