package dev.blueprint.tools.dispatch;

import dev.blueprint.journal.git.GitCli;
import dev.blueprint.journal.git.QueueOptions;
import dev.blueprint.journal.git.WorkspacePool;
import dev.blueprint.journal.git.jgit.JGitCommitQueue;
import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.dispatch.agents.AgentCatalog;
import dev.blueprint.tools.dispatch.agents.AgentRunner;
import dev.blueprint.tools.dispatch.agents.AgentSelector;
import dev.blueprint.tools.dispatch.agents.ShellConfig;
import dev.blueprint.tools.dispatch.preflight.CapabilityChecker;
import dev.blueprint.tools.dispatch.preflight.PreflightRunner;
import dev.blueprint.tools.dispatch.process.ProcessRunner;
import dev.blueprint.tools.dispatch.secrets.SecretResolver;
import dev.blueprint.tools.plan.Plan;
import dev.blueprint.tools.plan.PlanOptions;
import dev.blueprint.tools.plan.Planner;
import dev.blueprint.tools.plan.Unscheduled;
import dev.blueprint.tools.status.BsfError;
import dev.blueprint.tools.status.RunState;
import dev.blueprint.tools.status.sqlite.SqliteRunStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a dispatch of one repository needs, opened once: the run store, workspace pool and
 * commit queue, wired to the engine. The service behind {@code bp dispatch} and the MCP tool.
 */
public final class Dispatcher implements AutoCloseable {

  /**
   * @param parallel {@code --parallel}, or null for the blueprint's {@code max_parallel_tasks} (4
   *     when it says nothing)
   * @param agent {@code --agent}, or null
   * @param defaultAgent the agent for tasks nothing else decides
   * @param env the environment secrets are read from
   * @param executables agent CLI paths by family, where not on PATH
   * @param cache {@code --cache}: reuse the results of identical earlier attempts ({@link
   *     ResultCache})
   * @param tasks {@code --tasks}: run only these tasks (their dependencies outside the set must be
   *     complete in the blueprint), or null for every task
   */
  public record Options(
      Integer parallel,
      String agent,
      String defaultAgent,
      Map<String, String> env,
      Map<String, String> executables,
      boolean cache,
      Set<String> tasks) {
    public Options {
      tasks = tasks == null ? null : Set.copyOf(tasks);
    }

    /** Every task, no cache. */
    public Options(
        Integer parallel,
        String agent,
        String defaultAgent,
        Map<String, String> env,
        Map<String, String> executables) {
      this(parallel, agent, defaultAgent, env, executables, false, null);
    }

    public static Options defaults() {
      return new Options(null, null, "claude", System.getenv(), Map.of());
    }

    public Options withCache(boolean on) {
      return new Options(parallel, agent, defaultAgent, env, executables, on, tasks);
    }

    /** Only these tasks (null: all). */
    public Options withTasks(Set<String> only) {
      return new Options(parallel, agent, defaultAgent, env, executables, cache, only);
    }
  }

  private static final int DEFAULT_PARALLEL = 4;

  private final Path repo;
  private final GitCli git;
  private final Clock clock;
  private final SqliteRunStore store;
  private final JGitCommitQueue queue;
  private final WorkspacePool pool;

  /** Released workspaces kept for reuse: one per worker of a typical run. */
  private static final int WARM_WORKSPACES = 16;

  private final ProcessRunner processes = new ProcessRunner();

  private Dispatcher(Path repo, GitCli git, QueueOptions queueOptions, Clock clock) {
    this.repo = repo;
    this.git = git;
    this.clock = clock;
    this.store =
        SqliteRunStore.openInRepository(repo, clock, ProcessHandle.current().pid() + "@local");
    this.queue = JGitCommitQueue.open(repo, queueOptions.withGit(git));
    // Warm workspaces: the next task's workspace is a released one switched to the new tip, which
    // rewrites only the files that differ instead of checking out the whole tree again (a full
    // checkout per task grew with every landed change and dominated long runs).
    this.pool = WorkspacePool.open(repo, git, WARM_WORKSPACES);
  }

  public static Dispatcher open(Path repo, GitCli git, QueueOptions queueOptions, Clock clock) {
    return new Dispatcher(repo, git, queueOptions, clock);
  }

  public SqliteRunStore store() {
    return store;
  }

  /**
   * Creates a run for the plan's scheduled tasks (with the {@code human_required} ones waiting), or
   * for {@code o.tasks()} only, runs the preflight checks, and ends the run FAILED with
   * E_PREFLIGHT_FAILED if any fails. Returns the run id either way.
   *
   * @throws TaskSelection.Refused when {@code o.tasks()} names an unknown task or one whose
   *     dependency outside the selection is not complete; no run is created then
   */
  public String start(Blueprint bp, String baseBranch, Options o) {
    List<String> gated = new ArrayList<>();
    for (Unscheduled u : Planner.plan(bp, PlanOptions.DEFAULT).unscheduled()) {
      if (Unscheduled.HUMAN_REQUIRED.equals(u.reason())) {
        gated.add(u.taskId());
      }
    }
    // Planned as if every gate were approved: the gated tasks and what depends on them are in the
    // run; the gated ones wait for a person, their dependents for them.
    Plan plan = Planner.plan(ApprovedGates.apply(bp, Set.copyOf(gated)), PlanOptions.DEFAULT);
    List<String> ids = new ArrayList<>();
    plan.waves().forEach(ids::addAll);
    if (o.tasks() != null) {
      Set<String> only = TaskSelection.check(bp, o.tasks());
      ids.removeIf(id -> !only.contains(id));
      gated.removeIf(id -> !only.contains(id));
    }
    String runId = store.createRun(bp.source(), baseBranch, ids, gated).id();
    List<BsfError> failures =
        new PreflightRunner(processes, ShellConfig.of(bp.execution()), clock)
            .run(bp.execution().preflightChecks(), repo, logDir(runId), o.env());
    if (!failures.isEmpty()) {
      store.finishRun(
          runId, RunState.FAILED, failures.size() + " preflight check(s) failed", failures);
    }
    return runId;
  }

  /** Runs (or resumes) a run in the foreground until nothing more can start. */
  public RunResult run(Blueprint bp, String runId, Options o) throws InterruptedException {
    var run = store.run(runId).orElseThrow(() -> new IllegalArgumentException("no run " + runId));
    if (run.state().isFinal()) {
      return new RunResult(runId, run.state(), Map.of());
    }
    clearLeftovers(runId);
    TaskAttemptRunner attempts =
        new TaskAttemptRunner(
            store,
            AgentCatalog.standard(o.executables()),
            new AgentRunner(processes, clock),
            new VerificationRunner(processes, ShellConfig.of(bp.execution()), clock),
            new CapabilityChecker(o.env().get("PATH"), processes, logDir(runId), clock),
            SecretResolver.of(bp.execution(), o.env(), repo, clock),
            AgentBreakers.defaults(clock),
            clock);
    int parallel =
        o.parallel() != null
            ? o.parallel()
            : bp.execution().maxParallelTasks() != null
                ? bp.execution().maxParallelTasks()
                : DEFAULT_PARALLEL;
    ResultCache cache = o.cache() ? new ResultCache(store, git, clock) : null;
    return new DispatchEngine(store, pool, queue, git, attempts, cache, clock)
        .run(
            bp,
            runId,
            run.baseBranch(),
            repo,
            logDir(runId),
            parallel,
            new AgentSelector(o.agent(), o.defaultAgent()));
  }

  /**
   * After a crash: removes workspaces whose process is gone, and the run's worker branches they
   * left (work on them never landed and runs again), so each task can get a fresh workspace.
   */
  private void clearLeftovers(String runId) {
    pool.pruneStale();
    LeftoverWorktrees.clear(git, repo, "bp/" + LeftoverWorktrees.safe(runId) + "/");
  }

  private Path logDir(String runId) {
    return repo.resolve(".blueprint").resolve("runs").resolve(runId).resolve("logs");
  }

  @Override
  public void close() {
    queue.close();
    pool.close();
    store.close();
  }
}
