package dev.blueprint.server.cli;

import dev.blueprint.journal.git.GitCli;
import dev.blueprint.journal.session.QueuedJournalPublisher;
import dev.blueprint.tools.aggregate.Aggregation;
import dev.blueprint.tools.aggregate.RunReport;
import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.dispatch.Dispatcher;
import dev.blueprint.tools.status.TaskState;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bp demo}: the first command to try. Makes a scratch repository, dispatches a sample
 * blueprint of 12 scripted tasks (one fails on purpose) 4 wide, prints the report and where the
 * journal went, and leaves the repository to look at.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Run a 12-task sample blueprint in a scratch repository and show the report."
            + " One task fails on purpose. Exit 0 when the demo ran as designed.")
final class DemoCommand implements Callable<Integer> {
  /** The task of the sample blueprint that fails by design. */
  static final String FAILING_TASK = "C3";

  static final String BLUEPRINT = "demo.bp.md";

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "Where to create the repository (new or empty; default: a temp folder).")
  Path dir;

  @Option(names = "--parallel", paramLabel = "N", description = "Tasks at once (default 4).")
  int parallel = 4;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path repo = scratch();
    GitCli git = GitCli.inheritingEnvironment();
    initRepository(git, repo);
    out.println("demo repository: " + repo);
    out.println("blueprint: " + repo.resolve(BLUEPRINT) + " (12 tasks, 4 waves, lock `db`)");
    out.println("dispatching " + parallel + " wide with the `command` agent...");
    out.flush();
    Blueprint bp = BlueprintFile.read(repo.resolve(BLUEPRINT));
    Dispatcher.Options options =
        new Dispatcher.Options(parallel, null, "command", System.getenv(), Map.of());
    Aggregation result;
    try (Dispatcher d = DispatchCommand.open(repo)) {
      String runId = d.start(bp, "main", options);
      err.println("bp: run " + runId);
      err.flush();
      try (ProgressLines progress =
          ProgressLines.start(d.store(), runId, err, System.console() != null)) {
        d.run(bp, runId, options);
      }
      result =
          Aggregation.of(
                  d.store(),
                  git,
                  repo,
                  System.getenv(),
                  DispatchCommand.clock(),
                  runId,
                  new QueuedJournalPublisher(repo, err))
              .orElseThrow();
    }
    out.println();
    out.print(result.toText());
    boolean asDesigned = asDesigned(result.report());
    out.println();
    if (asDesigned) {
      out.println(
          "As designed: "
              + FAILING_TASK
              + " fails on purpose (nothing listens on port 8080) and is listed above with its"
              + " error; the other 11 tasks landed on main.");
    } else {
      out.println(
          "The demo did NOT run as designed: expected 11 tasks landed and only "
              + FAILING_TASK
              + " failed.");
    }
    out.println("Look around: cd " + repo + " && git log --stat");
    out.println("Then: bp status -C " + repo + " --task " + FAILING_TASK);
    out.flush();
    return asDesigned ? ExitCodes.OK : ExitCodes.PROBLEM_FOUND;
  }

  static boolean asDesigned(RunReport r) {
    List<RunReport.Problem> problems = r.problems();
    return r.landed() == 11
        && problems.size() == 1
        && problems.get(0).taskId().equals(FAILING_TASK)
        && problems.get(0).state() == TaskState.FAILED;
  }

  private Path scratch() throws IOException {
    if (dir == null) {
      return Files.createTempDirectory("bp-demo-").toRealPath();
    }
    Path d = dir.toAbsolutePath().normalize();
    if (Files.exists(d)) {
      try (var entries = Files.list(d)) {
        if (entries.findAny().isPresent()) {
          throw new UsageException("bp demo: " + d + " is not empty");
        }
      }
    }
    return Files.createDirectories(d).toRealPath();
  }

  /** A fresh repository with its own committer and the sample blueprint on main. */
  private static void initRepository(GitCli git, Path repo) throws IOException {
    git.runOrThrow(repo, "E_DEMO", "init", "--quiet", "-b", "main");
    git.runOrThrow(repo, "E_DEMO", "config", "user.name", "Blueprint Demo");
    git.runOrThrow(repo, "E_DEMO", "config", "user.email", "demo@blueprint.invalid");
    git.runOrThrow(repo, "E_DEMO", "config", "commit.gpgsign", "false");
    Files.writeString(repo.resolve(".gitignore"), ".blueprint/\n");
    Files.writeString(
        repo.resolve("README.md"),
        "# bp demo\n\nA scratch repository made by `bp demo`. Each task's commit carries"
            + " Blueprint-Run and Blueprint-Task trailers: `git log` shows them.\n");
    try (InputStream in = DemoCommand.class.getResourceAsStream("/demo/" + BLUEPRINT)) {
      Files.write(repo.resolve(BLUEPRINT), in.readAllBytes());
    }
    git.runOrThrow(repo, "E_DEMO", "add", "-A");
    git.runOrThrow(repo, "E_DEMO", "commit", "--quiet", "-m", "Demo blueprint");
  }
}
