package dev.blueprint.bench.dispatch;

import dev.blueprint.journal.git.Change;
import dev.blueprint.journal.git.GitCli;
import dev.blueprint.journal.git.LandOutcome;
import dev.blueprint.journal.git.QueueOptions;
import dev.blueprint.journal.git.Trailers;
import dev.blueprint.journal.git.Workspace;
import dev.blueprint.journal.git.WorkspacePool;
import dev.blueprint.journal.git.jgit.JGitCommitQueue;
import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.BlueprintReader;
import dev.blueprint.tools.dispatch.Dispatcher;
import dev.blueprint.tools.dispatch.RunResult;
import dev.blueprint.tools.status.RunState;
import dev.blueprint.tools.status.TaskState;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.util.FS;

/**
 * Engine overhead benchmark (not a test): N no-op {@code command} tasks at W workers through the
 * real {@link Dispatcher} against a plain loop doing the same work with the same parts in the same
 * run (WorkspacePool.acquire, the command through ProcessBuilder, git CLI add + commit on the
 * worker branch, landing through the JGit CommitQueue, release) on W threads. Each trial uses a
 * fresh repository; variants alternate (plain, engine, plain, engine, ...); medians are printed.
 *
 * <p>Usage: {@code EngineBench WORK [--tasks N] [--workers W] [--trials T]}. WORK must hold {@code
 * home/.gitconfig}; the caller sets HOME, GIT_CONFIG_NOSYSTEM and GIT_CONFIG_GLOBAL.
 */
public final class EngineBench {
  private static final String NAME = "Bench";
  private static final String EMAIL = "bench@example.invalid";
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private final Path work;
  private final int tasks;
  private final int workers;
  private final GitCli git;
  private final Map<String, String> env;

  private EngineBench(Path work, int tasks, int workers) {
    this.work = work;
    this.tasks = tasks;
    this.workers = workers;
    this.env = new HashMap<>(System.getenv());
    env.put("GIT_AUTHOR_NAME", NAME);
    env.put("GIT_AUTHOR_EMAIL", EMAIL);
    env.put("GIT_COMMITTER_NAME", NAME);
    env.put("GIT_COMMITTER_EMAIL", EMAIL);
    this.git = new GitCli(env);
  }

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    int tasks = 200;
    int workers = 16;
    int trials = 3;
    for (int i = 1; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--tasks" -> tasks = Integer.parseInt(args[i + 1]);
        case "--workers" -> workers = Integer.parseInt(args[i + 1]);
        case "--trials" -> trials = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    FS.DETECTED.setUserHome(Path.of(System.getenv("HOME")).toFile());
    new EngineBench(work, tasks, workers).run(trials);
  }

  private void run(int trials) throws Exception {
    System.out.printf(
        Locale.ROOT,
        "%d no-op tasks (bash -c 'echo x > out/tN.txt'), %d workers, %d trials, %d cpus%n",
        tasks,
        workers,
        trials,
        Runtime.getRuntime().availableProcessors());
    // One small untimed round each warms the JIT, the page cache and SQLite.
    EngineBench warm = new EngineBench(work, Math.min(tasks, 2 * workers), workers);
    warm.plain(repo("warm-plain"), false);
    warm.plain(repo("warm-plain-tip"), true);
    warm.engine(repo("warm-engine"), null);
    List<Double> plain = new ArrayList<>();
    List<Double> plainTip = new ArrayList<>();
    List<Double> engine = new ArrayList<>();
    List<Long> queuedHeap = new ArrayList<>();
    List<Long> runningHeap = new ArrayList<>();
    List<Long> baselineHeap = new ArrayList<>();
    for (int t = 0; t < trials; t++) {
      double p = plain(repo("plain-" + t), false);
      double pt = plain(repo("plain-tip-" + t), true);
      long[] heap = new long[3];
      double e = engine(repo("engine-" + t), heap);
      plain.add(p);
      plainTip.add(pt);
      engine.add(e);
      queuedHeap.add(heap[0]);
      runningHeap.add(heap[1]);
      baselineHeap.add(heap[2]);
      System.out.printf(
          Locale.ROOT,
          "trial %d: plain %.1f ms/task, plain (tip per task) %.1f ms/task, engine %.1f ms/task,"
              + " ratio engine/plain %.2f, engine/plain-tip %.2f%n",
          t,
          p / tasks,
          pt / tasks,
          e / tasks,
          e / p,
          e / pt);
    }
    double pm = median(plain);
    double ptm = median(plainTip);
    double em = median(engine);
    System.out.println();
    System.out.printf(
        Locale.ROOT, "plain loop  : %.1f ms/task (median wall %.1f s)%n", pm / tasks, pm / 1000);
    System.out.printf(
        Locale.ROOT,
        "plain (tip per task): %.1f ms/task (median wall %.1f s)%n",
        ptm / tasks,
        ptm / 1000);
    System.out.printf(
        Locale.ROOT, "engine      : %.1f ms/task (median wall %.1f s)%n", em / tasks, em / 1000);
    System.out.printf(
        Locale.ROOT, "ratio engine/plain (of medians): %.2f  (target <= 1.5)%n", em / pm);
    System.out.printf(Locale.ROOT, "ratio engine/plain-tip (of medians): %.2f%n", em / ptm);
    System.out.printf(
        Locale.ROOT,
        "engine heap, live after GC with %d tasks queued (start() done, before run): %.1f MB above"
            + " the pre-run baseline (median)%n",
        tasks,
        mb(medianLong(queuedHeap)));
    System.out.printf(
        Locale.ROOT,
        "engine heap, live after GC while tasks run (max of 2 s samples): %.1f MB above the"
            + " baseline (median)%n",
        mb(medianLong(runningHeap)));
    System.out.printf(
        Locale.ROOT,
        "baseline: live heap after GC with the blueprint read, before Dispatcher.open: %.1f MB"
            + " (median)%n",
        mb(medianLong(baselineHeap)));
  }

  /** A fresh repository with one commit on main; .blueprint/ (run store, spool) is ignored. */
  private Path repo(String name) throws Exception {
    Path repo = Files.createDirectories(work.resolve(name));
    git.runOrThrow(repo, "E", "init", "--quiet", "-b", "main");
    Files.writeString(repo.resolve("README.md"), "bench\n");
    Files.writeString(repo.resolve(".gitignore"), ".blueprint/\n");
    git.runOrThrow(repo, "E", "add", "-A");
    git.runOrThrow(repo, "E", "commit", "--quiet", "-m", "initial");
    return repo;
  }

  private String command(int i) {
    return "mkdir -p out && echo x > out/t" + i + ".txt";
  }

  private QueueOptions queueOptions() {
    return QueueOptions.defaults().withCommitter(new PersonIdent(NAME, EMAIL));
  }

  /**
   * The same work by hand on W threads: returns wall ms. Each workspace starts from main's tip read
   * once before the loop, or (tipPerTask) from main's current tip as the engine's do, so its
   * checkout grows with what already landed.
   */
  private double plain(Path repo, boolean tipPerTask) throws Exception {
    String base =
        tipPerTask
            ? "refs/heads/main"
            : git.runOrThrow(repo, "E", "rev-parse", "refs/heads/main").strip();
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    long t0 = System.nanoTime();
    try (WorkspacePool workspaces = WorkspacePool.open(repo, git);
        JGitCommitQueue queue = JGitCommitQueue.open(repo, queueOptions().withGit(git))) {
      List<Future<LandOutcome>> done = new ArrayList<>();
      for (int i = 0; i < tasks; i++) {
        int n = i;
        done.add(pool.submit(() -> plainTask(workspaces, queue, base, n)));
      }
      for (Future<LandOutcome> f : done) {
        LandOutcome o = f.get();
        if (!(o instanceof LandOutcome.Landed)) {
          throw new IllegalStateException("plain task did not land: " + o);
        }
      }
    } finally {
      pool.shutdown();
    }
    double ms = (System.nanoTime() - t0) / 1e6;
    checkLanded(repo);
    return ms;
  }

  private LandOutcome plainTask(WorkspacePool workspaces, JGitCommitQueue queue, String base, int i)
      throws Exception {
    String id = "T" + i;
    Workspace ws = workspaces.acquire("plain", id, base);
    try {
      Process p =
          new ProcessBuilder("bash", "-e", "-o", "pipefail", "-c", command(i))
              .directory(ws.dir().toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (p.waitFor() != 0) {
        throw new IllegalStateException(id + " exited " + p.exitValue());
      }
      git.runOrThrow(ws.dir(), "E", "add", "-A");
      String message = id + ": no-op " + i;
      git.runOrThrow(ws.dir(), "E", "commit", "--quiet", "--no-verify", "-m", message);
      long change =
          queue.submit(
              new Change.FromBranch(ws.branch(), message, new Trailers("plain", id, null, null)));
      return queue.await(change, Duration.ofMinutes(10));
    } finally {
      workspaces.release(ws, false);
    }
  }

  /** Through the real Dispatcher (start + run): returns wall ms; fills heap[0..1] if given. */
  private double engine(Path repo, long[] heap) throws Exception {
    Blueprint bp = BlueprintReader.readString(blueprint(), "bench.bp.md");
    long baseline = heap == null ? 0 : liveHeap();
    if (heap != null) {
      heap[2] = baseline;
    }
    Dispatcher.Options o = new Dispatcher.Options(workers, null, "claude", env, Map.of());
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong maxRunning = new AtomicLong();
    Thread sampler = null;
    long t0 = System.nanoTime();
    RunResult r;
    try (Dispatcher d = Dispatcher.open(repo, git, queueOptions(), Clock.systemUTC())) {
      String runId = d.start(bp, "main", o);
      if (heap != null) {
        // Measured outside the timed span: the GC pause is not the engine's.
        long paused = System.nanoTime();
        heap[0] = liveHeap() - baseline;
        t0 += System.nanoTime() - paused;
        sampler = sampler(running, maxRunning);
      }
      r = d.run(bp, runId, o);
    } finally {
      running.set(false);
    }
    double ms = (System.nanoTime() - t0) / 1e6;
    if (sampler != null) {
      sampler.join();
      heap[1] = maxRunning.get() - baseline;
    }
    long landed = r.tasks().values().stream().filter(s -> s == TaskState.LANDED).count();
    if (r.state() != RunState.SUCCEEDED || landed != tasksIn(bp)) {
      throw new IllegalStateException("engine run " + r.state() + ", " + landed + " landed");
    }
    checkLanded(repo);
    // The sampler's GCs (every 2 s) fall inside the timed span: they count against the engine.
    return ms;
  }

  private static long tasksIn(Blueprint bp) {
    return bp.tasks().size();
  }

  private Thread sampler(AtomicBoolean running, AtomicLong max) {
    Thread t =
        new Thread(
            () -> {
              while (running.get()) {
                try {
                  Thread.sleep(2000);
                } catch (InterruptedException e) {
                  return;
                }
                if (running.get()) {
                  max.accumulateAndGet(liveHeap(), Math::max);
                }
              }
            },
            "heap-sampler");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private void checkLanded(Path repo) {
    String files = git.runOrThrow(repo, "E", "ls-tree", "--name-only", "main", "out/");
    long count = files.lines().count();
    if (count != tasks) {
      throw new IllegalStateException(repo + ": " + count + " of " + tasks + " files on main");
    }
  }

  private String blueprint() {
    StringBuilder b = new StringBuilder();
    b.append("# Engine bench — Blueprint\n\n## Execution Configuration\n\n```yaml\n")
        .append("execution:\n  shell: bash\n  shell_flags: [\"-e\", \"-o\", \"pipefail\"]\n")
        .append("  max_parallel_tasks: ")
        .append(workers)
        .append("\n```\n\n");
    for (int i = 0; i < tasks; i++) {
      b.append("### T")
          .append(i)
          .append(": No-op ")
          .append(i)
          .append("\n\n```yaml\ntask_id: T")
          .append(i)
          .append("\nname: \"No-op ")
          .append(i)
          .append("\"\nstatus: not_started\ndependencies: []\ncommand: \"")
          .append(command(i))
          .append("\"\n```\n\n");
    }
    return b.toString();
  }

  private static long liveHeap() {
    System.gc();
    System.gc();
    return MEMORY.getHeapMemoryUsage().getUsed();
  }

  private static double mb(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }

  private static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  private static long medianLong(List<Long> xs) {
    List<Long> s = new ArrayList<>(xs);
    Collections.sort(s);
    return s.get(s.size() / 2);
  }
}
