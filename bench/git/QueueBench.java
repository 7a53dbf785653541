import dev.blueprint.journal.git.Change;
import dev.blueprint.journal.git.GitCli;
import dev.blueprint.journal.git.LandOutcome;
import dev.blueprint.journal.git.QueueOptions;
import dev.blueprint.journal.git.RepoLayout;
import dev.blueprint.journal.git.Trailers;
import dev.blueprint.journal.git.Workspace;
import dev.blueprint.journal.git.WorkspacePool;
import dev.blueprint.journal.git.jgit.JGitCommitQueue;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.eclipse.jgit.dircache.DirCacheCheckout;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;

/**
 * Commits/s through the queue vs git add+commit serialized with flock vs unserialized git from 4
 * processes (with its lock failures), and ms per workspace vs git worktree add, on a generated repo
 * of FILES files and HISTORY commits. Variants run interleaved (A B C A B C); medians and ranges.
 */
public class QueueBench {
  static final int WRITERS = 4;
  static Path work;
  static Path repo;
  static GitCli git = GitCli.inheritingEnvironment();

  public static void main(String[] args) throws Exception {
    work = Path.of(args[0]);
    int trials = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int commits = args.length > 2 ? Integer.parseInt(args[2]) : 40;
    int files = args.length > 3 ? Integer.parseInt(args[3]) : 20_000;
    int history = args.length > 4 ? Integer.parseInt(args[4]) : 500;
    FS.DETECTED.setUserHome(Path.of(System.getenv("HOME")).toFile());
    repo = work.resolve("repo");
    long t0 = System.nanoTime();
    generate(files, history);
    System.out.printf(Locale.ROOT, "repo: %d files, %d commits, generated in %.1f s; %d trials x %d commits from %d writers%n",
        files, history, (System.nanoTime() - t0) / 1e9, trials, commits, WRITERS);

    System.out.println("load average at start: " + loadAverage());
    // The warm pool alternates between two bases of the generated history, five commits apart.
    String[] bases = {
      git.runOrThrow(repo, "E", "rev-parse", "HEAD~5").strip(),
      git.runOrThrow(repo, "E", "rev-parse", "HEAD").strip()
    };
    if (PARTS.contains("queue")) {
      queueBench(trials, commits);
    }
    if (!PARTS.contains("workspaces")) {
      return;
    }

    List<Double> cliAdd = new ArrayList<>();
    List<Double> cold = new ArrayList<>();
    List<Double> warmMs = new ArrayList<>();
    List<Double> jgit = new ArrayList<>();
    long deleted = 0;
    int changedBetweenBases = git.runOrThrow(repo, "E", "diff", "--name-only", bases[0], bases[1]).strip().split("\n").length;
    try (WorkspacePool coldPool = new WorkspacePool(RepoLayout.find(repo), git, null, 0);
        WorkspacePool warmPool = new WorkspacePool(RepoLayout.find(repo), git, work.resolve("warm"), 1)) {
      // One untimed acquire + release parks a workspace in the warm pool (a long-lived pool
      // starts that way after its first task).
      warmPool.release(warmPool.acquire("bench", "warmup", bases[0]), false);
      for (int t = 0; t < trials; t++) {
        // Which cold variant goes first alternates: the one that follows the other's removal of
        // 20,000 files otherwise always pays for it (about 15 ms on tmpfs, seconds on ext4).
        if (t % 2 == 0) {
          settle();
          cliAdd.add(worktreeAdd(t));
          removeLast();
          settle();
          cold.add(poolAcquire(coldPool, t));
        } else {
          settle();
          cold.add(poolAcquire(coldPool, t));
          settle();
          cliAdd.add(worktreeAdd(t));
          removeLast();
        }
        deleted += 2L * files;
        settle();
        warmMs.add(warmAcquire(warmPool, t, bases[(t + 1) % 2]));
        if (JGIT) {
          settle();
          jgit.add(jgitLinkedCheckout(t));
          removeLast();
          deleted += files;
        }
      }
    }
    System.out.println();
    System.out.println("ms per workspace (median [min..max] of " + trials + "; interleaved, the two cold variants in alternating order; each followed by removing it"
        + (SETTLE ? "; sync before each timed variant" : "; no sync between variants") + "):");
    print("git worktree add", cliAdd);
    print("WorkspacePool.acquire, cold (git worktree add + owner file + includes)", cold);
    print("WorkspacePool.acquire, warm (reuse: switch to the next base + clean)", warmMs);
    if (JGIT) {
      print("JGit checkout into a hand-made linked worktree", jgit);
    }
    System.out.printf(Locale.ROOT, "  ratio cold pool / git worktree add: %.2f; warm pool / git worktree add: %.3f (target <= 1)%n",
        median(cold) / median(cliAdd), median(warmMs) / median(cliAdd));
    // Each trial's two cold variants ran back to back: their ratio cancels drift between trials
    // (page cache, write-back, other load), which the ratio of the two medians does not.
    List<Double> paired = new ArrayList<>();
    int poolFaster = 0;
    for (int t = 0; t < trials; t++) {
      paired.add(cold.get(t) / cliAdd.get(t));
      poolFaster += cold.get(t) <= cliAdd.get(t) ? 1 : 0;
    }
    System.out.printf(Locale.ROOT, "  cold pool / git worktree add, trial by trial: median %.3f [%.3f..%.3f]; pool as fast or faster in %d of %d trials%n",
        median(paired), Collections.min(paired), Collections.max(paired), poolFaster, trials);
    System.out.printf(Locale.ROOT, "  warm reuse alternates between HEAD~5 and HEAD of the generated history, %.7s and %.7s (%d files differ); files deleted between runs: %d per cold removal, %d in all%n",
        bases[0], bases[1], changedBetweenBases, files, deleted);
    System.out.println("load average at end: " + loadAverage());
  }

  static void queueBench(int trials, int commits) throws Exception {
    List<Double> queue = new ArrayList<>();
    List<Double> flock = new ArrayList<>();
    List<Double> loose = new ArrayList<>();
    List<Integer> looseFailures = new ArrayList<>();
    // Agents are long-lived: each writer keeps its queue open (as a server does), and one
    // untimed round warms the JIT and the page cache for every variant.
    List<JGitCommitQueue> queues = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) queues.add(JGitCommitQueue.open(repo, options()));
    queueTrial(queues, -1, commits);
    cliTrial(-1, commits, true);
    cliTrial(-1, commits, false);
    for (int t = 0; t < trials; t++) {
      queue.add(queueTrial(queues, t, commits));
      flock.add(cliTrial(t, commits, true)[0]);
      double[] l = cliTrial(t, commits, false);
      loose.add(l[0]);
      looseFailures.add((int) l[1]);
    }
    for (JGitCommitQueue q : queues) q.close();
    System.out.println();
    System.out.println("commits/s (median [min..max] of " + trials + "):");
    print("queue (JGit, 4 submitter threads)", queue);
    print("git add+commit under flock (4 procs)", flock);
    print("git add+commit unserialized (4 procs)", loose);
    System.out.println("  unserialized lock failures per trial: " + looseFailures + " (of " + commits + " attempts)");
    System.out.printf(Locale.ROOT, "  ratio queue / flock'd CLI: %.1fx (target >= 3x)%n", median(queue) / median(flock));

  }

  static final String PARTS = System.getProperty("parts", "queue,workspaces");
  static final boolean JGIT = Boolean.getBoolean("jgit");

  static String loadAverage() throws IOException {
    Path p = Path.of("/proc/loadavg");
    return Files.exists(p) ? Files.readString(p).strip() : "n/a";
  }

  /** A warm acquire on {@code base} (the pool holds one parked workspace), then its release. */
  static double warmAcquire(WorkspacePool p, int t, String base) {
    long s = System.nanoTime();
    Workspace ws = p.acquire("bench", "w" + t, base);
    double ms = (System.nanoTime() - s) / 1e6;
    p.release(ws, false);
    return ms;
  }

  static QueueOptions options() {
    return QueueOptions.defaults().withGit(git).withCommitter(new PersonIdent("Bench", "bench@example.invalid"));
  }

  /** One trial: WRITERS threads, each its own queue, each landing its share of edits to its own file. */
  static double queueTrial(List<JGitCommitQueue> queues, int trial, int commits) throws Exception {
    ExecutorService ex = Executors.newFixedThreadPool(WRITERS);
    List<Future<Integer>> fs = new ArrayList<>();
    long start = System.nanoTime();
    for (int w = 0; w < WRITERS; w++) {
      int writer = w;
      fs.add(ex.submit(() -> {
        int landed = 0;
        JGitCommitQueue q = queues.get(writer);
        {
          for (int i = 0; i < commits / WRITERS; i++) {
            String file = "d" + writer + "/f0.txt";
            Files.writeString(repo.resolve(file), "queue " + trial + " " + i + "\n");
            LandOutcome o = q.await(q.submit(new Change.FromPaths(repo, List.of(file), "queue " + trial + " w" + writer + " " + i, Trailers.NONE)), Duration.ofMinutes(5));
            if (o instanceof LandOutcome.Landed) landed++;
          }
        }
        return landed;
      }));
    }
    int landed = 0;
    for (Future<Integer> f : fs) landed += f.get();
    double secs = (System.nanoTime() - start) / 1e9;
    ex.shutdown();
    if (landed != commits) throw new IllegalStateException("queue landed " + landed + " of " + commits);
    return landed / secs;
  }

  /** One trial of WRITERS shell loops doing git add + git commit, with or without flock. */
  static double[] cliTrial(int trial, int commits, boolean serialized) throws Exception {
    List<Process> ps = new ArrayList<>();
    List<Path> logs = new ArrayList<>();
    long start = System.nanoTime();
    for (int w = 0; w < WRITERS; w++) {
      String file = "d" + (WRITERS + w + (serialized ? 0 : WRITERS)) + "/f0.txt";
      String commit = "git add " + file + " && git commit -q -m \"cli " + trial + " w" + w + " $i\"";
      String step = serialized ? "flock .git/bench.lock sh -c '" + commit.replace("$i", "'$i'") + "'" : commit;
      String script = "ok=0; fail=0; for i in $(seq 1 " + (commits / WRITERS) + "); do echo \"cli " + trial + " $i\" > " + file
          + "; if " + step + " 2>>err.log; then ok=$((ok+1)); else fail=$((fail+1)); fi; done; echo \"$ok $fail\"";
      Path log = work.resolve("cli-" + w + ".out");
      logs.add(log);
      ps.add(new ProcessBuilder("sh", "-c", script).directory(repo.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start());
    }
    for (Process p : ps) p.waitFor();
    double secs = (System.nanoTime() - start) / 1e9;
    int ok = 0, fail = 0;
    for (Path l : logs) {
      String[] parts = Files.readString(l).strip().split("\\s+");
      ok += Integer.parseInt(parts[parts.length - 2]);
      fail += Integer.parseInt(parts[parts.length - 1]);
    }
    // A failed unserialized commit can leave files staged: reset the index so the next variant starts clean.
    Files.deleteIfExists(repo.resolve(".git/index.lock"));
    git.run(repo, "reset", "-q");
    Files.deleteIfExists(repo.resolve("err.log"));
    return new double[] {ok / secs, fail};
  }

  static Path last;

  static double worktreeAdd(int t) {
    last = work.resolve("cli-wt-" + t);
    long s = System.nanoTime();
    GitCli.Result r = git.run(repo, "worktree", "add", "--quiet", "-b", "bench/cli/" + t, last.toString(), "HEAD");
    double ms = (System.nanoTime() - s) / 1e6;
    if (!r.ok()) throw new IllegalStateException(r.output());
    return ms;
  }

  static double poolAcquire(WorkspacePool p, int t) {
    long s = System.nanoTime();
    Workspace ws = p.acquire("bench", "t" + t, "HEAD");
    double ms = (System.nanoTime() - s) / 1e6;
    p.release(ws, false);
    return ms;
  }

  /** The alternative not chosen: write git's linked-worktree admin files, then let JGit check out. */
  static double jgitLinkedCheckout(int t) throws Exception {
    last = work.resolve("jgit-wt-" + t);
    long s = System.nanoTime();
    String name = "jgit-wt-" + t;
    Path admin = repo.resolve(".git/worktrees/" + name);
    Files.createDirectories(admin);
    Files.createDirectories(last);
    Files.writeString(admin.resolve("gitdir"), last.resolve(".git") + "\n");
    Files.writeString(admin.resolve("commondir"), "../..\n");
    Files.writeString(admin.resolve("HEAD"), "ref: refs/heads/bench/jgit/" + t + "\n");
    Files.writeString(last.resolve(".git"), "gitdir: " + admin + "\n");
    try (Repository main = new FileRepositoryBuilder().setGitDir(repo.resolve(".git").toFile()).build()) {
      ObjectId head = main.resolve("HEAD");
      RefUpdate ru = main.updateRef("refs/heads/bench/jgit/" + t);
      ru.setNewObjectId(head);
      ru.update();
      try (Repository wt = new FileRepositoryBuilder().setGitDir(admin.toFile()).setWorkTree(last.toFile()).build();
          RevWalk rw = new RevWalk(wt)) {
        DirCacheCheckout co = new DirCacheCheckout(wt, wt.lockDirCache(), rw.parseCommit(head).getTree());
        co.checkout();
      }
    }
    return (System.nanoTime() - s) / 1e6;
  }

  /**
   * Flushes what the previous variant left to write back (untimed). Without it, each variant pays
   * for the one before it: on this machine's file system the write-back of 20,000 new or deleted
   * files throttles the next writer, and one checkout took 0.7 s or 17 s depending on what ran
   * just before it (docs/git-layer.md, Benchmark).
   */
  static void settle() throws Exception {
    if (SETTLE) {
      new ProcessBuilder("sync").inheritIO().start().waitFor();
    }
  }

  static final boolean SETTLE = !"false".equals(System.getProperty("settle"));

  static int removeLast() {
    git.run(repo, "worktree", "remove", "--force", last.toString());
    return 1;
  }

  /** A repository of {@code files} files and {@code history} commits, made with git fast-import. */
  static void generate(int files, int history) throws Exception {
    Files.createDirectories(repo);
    git.runOrThrow(repo, "E", "init", "-q", "-b", "main");
    Process p = new ProcessBuilder("git", "fast-import", "--quiet").directory(repo.toFile()).redirectErrorStream(true).start();
    java.util.Random rnd = new java.util.Random(1);
    try (OutputStream out = new java.io.BufferedOutputStream(p.getOutputStream(), 1 << 20)) {
      for (int c = 1; c <= history; c++) {
        StringBuilder sb = new StringBuilder();
        String msg = "generated commit " + c;
        sb.append("commit refs/heads/main\ncommitter Bench <bench@example.invalid> ").append(1_700_000_000L + c).append(" +0000\n");
        sb.append("data ").append(msg.length()).append('\n').append(msg).append('\n');
        int n = c == 1 ? files : 40;
        for (int i = 0; i < n; i++) {
          int f = c == 1 ? i : rnd.nextInt(files);
          String content = "file " + f + " version " + c + "\n" + "x".repeat(200) + "\n";
          byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
          sb.append("M 100644 inline d").append(f % 200).append("/f").append(f / 200).append(".txt\ndata ").append(bytes.length).append('\n').append(content).append('\n');
        }
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
      }
    }
    if (p.waitFor() != 0) throw new IllegalStateException(new String(p.getInputStream().readAllBytes()));
    git.runOrThrow(repo, "E", "reset", "-q", "--hard", "main");
    git.runOrThrow(repo, "E", "gc", "-q");
  }

  static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  static void print(String label, List<Double> xs) {
    System.out.printf(Locale.ROOT, "  %-66s %8.1f  [%.1f..%.1f]  runs %s%n", label, median(xs), Collections.min(xs), Collections.max(xs),
        xs.stream().map(x -> String.format(Locale.ROOT, "%.1f", x)).toList());
  }
}
