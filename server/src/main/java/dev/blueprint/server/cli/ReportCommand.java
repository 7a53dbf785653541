package dev.blueprint.server.cli;

import dev.blueprint.journal.workrate.HtmlReport;
import dev.blueprint.journal.workrate.JournalSessionSource;
import dev.blueprint.journal.workrate.JsonReport;
import dev.blueprint.journal.workrate.MarkdownReport;
import dev.blueprint.journal.workrate.OutcomePolicy;
import dev.blueprint.journal.workrate.WorkRateAnalyzer;
import dev.blueprint.journal.workrate.WorkRateReport;
import dev.blueprint.server.report.ReportDaemon;
import dev.blueprint.server.report.ReportDaemonClient;
import dev.blueprint.server.report.ReportDaemonStarter;
import dev.blueprint.server.report.ReportReply;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
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

  @Option(
      names = "--no-daemon",
      description =
          "Do not start a report daemon after this report (also BP_REPORT_DAEMON=0; see"
              + " docs/workrate.md).")
  boolean noDaemon;

  @Option(
      names = "--stop-daemon",
      description = "Stop this repository's report daemon, if one runs, and print nothing else.")
  boolean stopDaemon;

  /** The folder relative paths resolve against: the caller's, which is not the daemon's own. */
  private Path base;

  /** In a daemon, the one work tree it may report on; any other is sent back to the JVM path. */
  private Path onlyWorkTree;

  /** The work tree this run reported on (null when it did not get that far). */
  private Path reportedWorkTree;

  private boolean otherRepository;

  /**
   * The entry point the {@code bp} launcher uses for {@code bp report}: the same command, output
   * and exit codes as {@code bp report} through {@link Main}, without building the models of the
   * other commands first (picocli reflects over every subcommand when the tree is built, which cost
   * about 0.1 s of every report's start-up here).
   */
  public static void main(String[] args) {
    if (args.length == 3 && args[0].equals(ReportDaemon.SERVE_FLAG)) {
      System.exit(serveDaemon(Path.of(args[1]), args[2]));
    }
    ReportCommand command = new ReportCommand();
    int code = standalone(command).execute(args);
    if (code == ExitCodes.OK && command.startsDaemon()) {
      ReportDaemonStarter.startIfNone(
          command.reportedWorkTree, System.getenv(JAR_KEY_VARIABLE), ReportCommand.class.getName());
    }
    System.exit(code);
  }

  /**
   * Set by the {@code bp} launcher, and only when its daemon client is installed: the key of the
   * jar it runs. A report run without it (tests, {@code java -cp}) starts no daemon.
   */
  static final String JAR_KEY_VARIABLE = "BP_REPORT_JAR_KEY";

  private boolean startsDaemon() {
    String key = System.getenv(JAR_KEY_VARIABLE);
    return reportedWorkTree != null
        && !noDaemon
        && !stopDaemon
        && !"0".equals(System.getenv("BP_REPORT_DAEMON"))
        && key != null
        && key.matches("[0-9A-Za-z.-]+");
  }

  /** The daemon process: serves reports on {@code workTree} until idle, replaced or stopped. */
  private static int serveDaemon(Path workTree, String jarKey) {
    try (ReportDaemon daemon =
        ReportDaemon.bind(
            workTree, jarKey, ReportDaemon.idleFromEnvironment(), ReportCommand::serveRequest)) {
      LOG.info("report daemon for {} on port {}", workTree, daemon.file().port());
      daemon.warmUp();
      LOG.info("report daemon ended: {}", daemon.serve());
      return ExitCodes.OK;
    } catch (IOException | RuntimeException e) {
      LOG.warn("report daemon failed: {}", e.toString());
      return ExitCodes.INTERNAL;
    }
  }

  /**
   * One daemon request: the same command, arguments and folder as a fresh {@code bp report}, with
   * stdout captured in the charset a fresh JVM would print in (the daemon checks the locale
   * variables match the caller's). Anything the daemon could not reproduce exactly falls back:
   * another repository, help or version text, daemon options, a non-zero exit, any stderr output
   * (picocli's or a log line).
   */
  static ReportReply serveRequest(Path workTree, Path cwd, java.util.List<String> args) {
    ReportCommand command = new ReportCommand();
    command.base = cwd;
    command.onlyWorkTree = workTree;
    CommandLine cli = standalone(command);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(new OutputStreamWriter(out, Charset.defaultCharset())));
    cli.setErr(new PrintWriter(err));
    ByteArrayOutputStream logged = new ByteArrayOutputStream();
    PrintStream stderr = System.err;
    int code;
    // Logback's console appender writes to whatever System.err is at the time of the call.
    System.setErr(new PrintStream(logged, true, Charset.defaultCharset()));
    try {
      code = cli.execute(args.toArray(String[]::new));
    } finally {
      System.setErr(stderr);
    }
    CommandLine.ParseResult parsed = cli.getParseResult();
    if (command.otherRepository) {
      return new ReportReply.Fallback("other-repository");
    }
    if (parsed == null || parsed.isUsageHelpRequested() || parsed.isVersionHelpRequested()) {
      return new ReportReply.Fallback("not-a-report");
    }
    if (command.noDaemon || command.stopDaemon) {
      return new ReportReply.Fallback("daemon-option");
    }
    if (code != ExitCodes.OK) {
      return new ReportReply.Fallback("exit-" + code);
    }
    if (err.getBuffer().length() > 0 || logged.size() > 0) {
      return new ReportReply.Fallback("stderr");
    }
    return new ReportReply.Served(out.toByteArray());
  }

  /** {@code bp report} as a command line of its own, with the shared error handling. */
  static CommandLine standalone() {
    return standalone(new ReportCommand());
  }

  private static CommandLine standalone(ReportCommand command) {
    CommandLine cli = new CommandLine(command);
    cli.setCommandName("bp report");
    cli.setExecutionExceptionHandler(new ExitCodes());
    cli.setExitCodeExceptionMapper(new ExitCodes());
    return cli;
  }

  @Override
  public Integer call() throws IOException {
    if (onlyWorkTree != null && (stopDaemon || noDaemon)) {
      // In the daemon: these are the JVM path's (a daemon stopping itself would wait on itself).
      return ExitCodes.OK;
    }
    Path workTree = workTree(base().resolve(repo).normalize());
    if (onlyWorkTree != null && !onlyWorkTree.equals(workTree)) {
      otherRepository = true;
      throw new UsageException(workTree + ": this report daemon serves " + onlyWorkTree);
    }
    if (stopDaemon) {
      ReportDaemonClient.Stopped stopped = ReportDaemonClient.stop(workTree);
      spec.commandLine()
          .getOut()
          .println(
              switch (stopped) {
                case STOPPED -> "report daemon stopped";
                case NONE_RUNNING -> "no report daemon running";
                case STALE_FILE_REMOVED -> "no report daemon answered; removed its stale file";
              });
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    }
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
    reportedWorkTree = workTree;
    WorkRateReport report = result.report();
    if (html != null) {
      writeAtomically(base().resolve(html).toAbsolutePath(), HtmlReport.render(report));
    }
    spec.commandLine()
        .getOut()
        .print(json ? JsonReport.render(report) : MarkdownReport.render(report));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  private Path base() {
    return base != null ? base : Path.of("").toAbsolutePath();
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
