package dev.blueprint.server.cli;

import dev.blueprint.journal.git.GitCli;
import dev.blueprint.journal.git.QueueOptions;
import dev.blueprint.tools.aggregate.DispatchReadiness;
import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.Diagnostic;
import dev.blueprint.tools.dispatch.Dispatcher;
import dev.blueprint.tools.dispatch.RunResult;
import dev.blueprint.tools.dispatch.TaskSelection;
import dev.blueprint.tools.render.ValidationText;
import dev.blueprint.tools.status.Run;
import dev.blueprint.tools.status.TaskState;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bp dispatch}: runs a blueprint's tasks in parallel workspaces and lands each through the
 * commit queue, in the foreground with a line per task state change, or detached.
 */
@Command(
    name = "dispatch",
    mixinStandardHelpOptions = true,
    description =
        "Run a blueprint: each task in its own workspace, landed through the commit queue."
            + " Exit 0 only if every scheduled task landed, 1 otherwise.")
final class DispatchCommand implements Callable<Integer> {

  @Parameters(
      paramLabel = "FILE",
      arity = "0..1",
      description = "The blueprint (optional with --resume: the run's own).")
  Path file;

  @Option(names = "--parallel", paramLabel = "N", description = "Tasks at once.")
  Integer parallel;

  @Option(names = "--agent", paramLabel = "NAME", description = "Agent for tasks naming none.")
  String agent;

  @Option(names = "--onto", paramLabel = "BRANCH", description = "Branch to land on.")
  String onto;

  @Option(names = "--resume", paramLabel = "RUN", description = "Resume this run.")
  String resume;

  @Option(names = "--detach", description = "Run in a background process; print the run id.")
  boolean detach;

  @Option(
      names = "--cache",
      description =
          "Reuse the landed result of an identical earlier attempt (same task spec, base tree,"
              + " agent and model) instead of running the agent.")
  boolean cache;

  @Option(
      names = "--tasks",
      paramLabel = "ID[,ID...]",
      split = ",",
      description =
          "Run only these tasks; their dependencies outside the list must be complete in the"
              + " blueprint.")
  List<String> tasks;

  @Option(names = "-C", paramLabel = "DIR", description = "Run as if started in DIR.")
  Path dir = Path.of("");

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Path repo = repository(dir);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Blueprint fresh = null;
    if (resume != null && tasks != null) {
      throw new UsageException("bp dispatch: --tasks chooses the tasks of a new run, not --resume");
    }
    if (resume == null) {
      if (file == null) {
        throw new UsageException("bp dispatch: FILE is required (or --resume RUN)");
      }
      fresh = BlueprintFile.read(absolute(file));
      List<Diagnostic> blockers = DispatchReadiness.blockers(fresh);
      if (!blockers.isEmpty()) {
        // such a blueprint never becomes a run: nothing to resume, nothing half done
        for (Diagnostic d : blockers) {
          err.println(ValidationText.line(fresh.source(), d));
        }
        err.println("bp: not dispatched: the blueprint has errors (bp validate shows all)");
        err.flush();
        return ExitCodes.PROBLEM_FOUND;
      }
      if (tasks != null) {
        refuseBadSelection(fresh); // before the run store is opened: a refused run leaves nothing
      }
    }
    try (Dispatcher d = open(repo)) {
      String runId;
      Blueprint bp;
      if (resume != null) {
        Run run = d.store().run(resume).orElseThrow(() -> noRun(resume, repo));
        bp = BlueprintFile.read(file != null ? absolute(file) : Path.of(run.blueprintPath()));
        runId = resume;
      } else {
        bp = fresh;
        runId = d.start(bp, onto != null ? onto : currentBranch(repo), options());
      }
      if (detach) {
        Path log = detachChild(repo, runId);
        out.println(runId);
        err.println("bp: run " + runId + " goes on in the background; output in " + log);
        err.println("bp: follow it with: bp status " + runId + " --watch");
        err.flush();
        return ExitCodes.OK;
      }
      err.println("bp: run " + runId);
      err.flush();
      try (ProgressLines progress =
          ProgressLines.start(d.store(), runId, err, System.console() != null)) {
        d.run(bp, runId, options());
      }
      RunResult result = outcome(d.store(), runId);
      out.println(summary(result));
      out.println("report and journal: bp aggregate " + runId);
      out.flush();
      return succeeded(result) ? ExitCodes.OK : ExitCodes.PROBLEM_FOUND;
    }
  }

  private void refuseBadSelection(Blueprint bp) {
    try {
      TaskSelection.check(bp, new LinkedHashSet<>(tasks));
    } catch (TaskSelection.Refused e) {
      throw new UsageException("bp dispatch: " + e.getMessage() + " (" + file + ")");
    }
  }

  private Dispatcher.Options options() {
    return new Dispatcher.Options(parallel, agent, "claude", System.getenv(), Map.of())
        .withCache(cache)
        .withTasks(tasks == null ? null : new LinkedHashSet<>(tasks));
  }

  /** The run as the store has it (a resumed run that had already ended has its tasks too). */
  static RunResult outcome(dev.blueprint.tools.status.RunStore store, String runId) {
    Map<String, TaskState> tasks = new java.util.LinkedHashMap<>();
    store.tasks(runId).forEach(t -> tasks.put(t.taskId(), t.state()));
    return new RunResult(runId, store.run(runId).orElseThrow().state(), tasks);
  }

  static boolean succeeded(RunResult r) {
    return r.state() == dev.blueprint.tools.status.RunState.SUCCEEDED
        && !r.tasks().isEmpty()
        && r.tasks().values().stream().allMatch(s -> s == TaskState.LANDED);
  }

  static String summary(RunResult r) {
    long landed = r.tasks().values().stream().filter(s -> s == TaskState.LANDED).count();
    return "run "
        + r.runId()
        + " "
        + r.state().wire()
        + ": "
        + landed
        + " of "
        + r.tasks().size()
        + " tasks landed";
  }

  /** Starts {@code bp dispatch --resume RUN} in a process of its own that outlives this one. */
  private Path detachChild(Path repo, String runId) throws IOException {
    Path runDir = repo.resolve(".blueprint").resolve("runs").resolve(runId);
    Files.createDirectories(runDir);
    Path log = runDir.resolve("dispatch.log");
    List<String> cmd = new ArrayList<>();
    // setsid puts the child in its own session, so a closing terminal does not take it along
    if (new File("/usr/bin/setsid").canExecute()) {
      cmd.add("/usr/bin/setsid");
    }
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    cmd.addAll(List.of("dispatch", "-C", repo.toString(), "--resume", runId));
    if (file != null) {
      cmd.add(absolute(file).toString());
    }
    if (parallel != null) {
      cmd.addAll(List.of("--parallel", parallel.toString()));
    }
    if (agent != null) {
      cmd.addAll(List.of("--agent", agent));
    }
    if (cache) {
      cmd.add("--cache");
    }
    new ProcessBuilder(cmd)
        .directory(repo.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .redirectErrorStream(true)
        .start();
    return log;
  }

  private Path absolute(Path p) {
    return p.isAbsolute() ? p : dir.toAbsolutePath().resolve(p).normalize();
  }

  // ---- shared by the run commands ----

  static Path repository(Path dir) {
    Path abs = dir.toAbsolutePath().normalize();
    if (!Files.isDirectory(abs)) {
      throw new UsageException("not a directory: " + abs);
    }
    Path root = RepositoryRoot.around(abs);
    if (!Files.exists(root.resolve(".git"))) {
      throw new UsageException("not inside a git repository: " + abs);
    }
    return root;
  }

  static Dispatcher open(Path repo) {
    return Dispatcher.open(repo, GitCli.inheritingEnvironment(), QueueOptions.defaults(), clock());
  }

  static Clock clock() {
    return Clock.systemUTC();
  }

  static UsageException noRun(String runId, Path repo) {
    return new UsageException("no run " + runId + " in " + repo);
  }

  static String currentBranch(Path repo) {
    GitCli.Result r = GitCli.inheritingEnvironment().run(repo, "symbolic-ref", "--short", "HEAD");
    if (!r.ok()) {
      throw new UsageException("HEAD is detached in " + repo + ": name a branch with --onto");
    }
    return r.output().strip();
  }
}
