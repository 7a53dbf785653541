import dev.blueprint.journal.workrate.JournalSessionSource;
import dev.blueprint.journal.workrate.WorkRateAnalyzer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;

/**
 * Benchmark of {@code bp report} (not a test). Generates a repository of 5,000 commits and 100
 * sessions, then times, interleaved: the git CLI running {@code git blame --porcelain} over every
 * file at HEAD, and a first {@code bp report} (no cache) as a child process; then 50 more commits
 * and an incremental {@code bp report}. Also times JGit's BlameCommand on a sample of files and the
 * analysis in-process (no JVM start). Prints medians and ratios.
 *
 * <p>Run through bench/workrate/report-bench.sh, which builds bp.jar and sets the class path.
 */
public final class ReportBench {
  static final int COMMITS = Integer.getInteger("commits", 5000);
  static final int SESSIONS = Integer.getInteger("sessions", 100);
  static final int MORE = Integer.getInteger("more", 50);
  static final int FILES = Integer.getInteger("files", 200);
  static final int REPEATS = Integer.getInteger("repeats", 3);

  final Random random = new Random(7);
  final Map<String, List<String>> files = new TreeMap<>();
  final Map<String, ObjectId> blobs = new HashMap<>();
  Instant clock = Instant.parse("2025-06-01T08:00:00Z");
  int made;

  public static void main(String[] args) throws Exception {
    // The bp launcher, so the child JVM runs with the flags (and the AppCDS archive) users get.
    Path jar = Path.of(args[0]).toAbsolutePath();
    boolean blame = !"false".equals(System.getProperty("blame"));
    String workProp = System.getProperty("work");
    Path work =
        workProp != null
            ? Files.createDirectories(Path.of(workProp))
            : Files.createTempDirectory("workrate-bench");
    Path home = Files.createDirectories(work.resolve("home"));
    Files.writeString(home.resolve(".gitconfig"), "");
    Path repoDir = work.resolve("repo");
    ReportBench gen = new ReportBench();
    long t0 = System.nanoTime();
    try (Git git = Git.init().setDirectory(repoDir.toFile()).setInitialBranch("main").call()) {
      gen.generate(git.getRepository(), COMMITS);
    }
    gen.writeJournals(repoDir);
    git(repoDir, home, "repack", "-adq");
    System.out.printf(
        "generated %d commits, %d sessions, %d files in %.1f s (%s)%n",
        COMMITS, SESSIONS, gen.files.size(), secs(System.nanoTime() - t0), repoDir);
    System.out.println("load average at start: " + loadAverage());
    awaitLauncherArchive(jar, home);

    List<String> paths = List.copyOf(gen.files.keySet());
    Path db = WorkRateAnalyzer.cacheFile(repoDir);
    List<Double> cli = new ArrayList<>();
    List<Double> first = new ArrayList<>();
    List<Double> firstPlain = new ArrayList<>();
    List<Double> firstServed = new ArrayList<>();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> killDaemon(repoDir)));
    for (int r = 0; r < REPEATS; r++) {
      if (blame) {
        cli.add(time(() -> blameAll(repoDir, home, paths)));
      }
      stopDaemon(jar, repoDir, home);
      Files.deleteIfExists(db);
      // A user's very first run: no daemon alive; this run starts one as it ends.
      first.add(time(() -> report(jar, repoDir, home, Via.DAEMON)));
      awaitWarmDaemon(jar, repoDir, home);
      Files.deleteIfExists(db);
      firstPlain.add(time(() -> report(jar, repoDir, home, Via.JVM_NO_CDS)));
      Files.deleteIfExists(db);
      firstServed.add(time(() -> report(jar, repoDir, home, Via.DAEMON)));
    }
    Path saved = work.resolve("workrate-at-" + COMMITS + ".db");
    Files.copy(db, saved, StandardCopyOption.REPLACE_EXISTING);

    double jgitSample = blame ? jgitBlameSample(repoDir, paths.subList(0, 10)) : Double.NaN;
    List<Double> inProcessFirst = new ArrayList<>();
    for (int r = 0; r < REPEATS; r++) {
      Files.deleteIfExists(db);
      inProcessFirst.add(time(() -> analyze(repoDir)));
    }

    try (Git git = Git.open(repoDir.toFile())) {
      gen.generate(git.getRepository(), MORE);
    }
    git(repoDir, home, "repack", "-adq");
    List<Double> incremental = new ArrayList<>();
    List<Double> incrementalPlain = new ArrayList<>();
    List<Double> inProcessIncremental = new ArrayList<>();
    List<Double> startup = new ArrayList<>();
    List<Double> incrementalServed = new ArrayList<>();
    awaitWarmDaemon(jar, repoDir, home);
    for (int r = 0; r < REPEATS; r++) {
      Files.copy(saved, db, StandardCopyOption.REPLACE_EXISTING);
      incrementalServed.add(time(() -> report(jar, repoDir, home, Via.DAEMON)));
      Files.copy(saved, db, StandardCopyOption.REPLACE_EXISTING);
      incremental.add(time(() -> report(jar, repoDir, home, Via.JVM)));
      Files.copy(saved, db, StandardCopyOption.REPLACE_EXISTING);
      incrementalPlain.add(time(() -> report(jar, repoDir, home, Via.JVM_NO_CDS)));
      Files.copy(saved, db, StandardCopyOption.REPLACE_EXISTING);
      inProcessIncremental.add(time(() -> analyze(repoDir)));
      startup.add(time(() -> run(List.of(jar.toString(), "--version"), home, false)));
    }
    boolean served = servedWithoutJvm(jar, repoDir, home, work);
    stopDaemon(jar, repoDir, home);
    List<Double> cliAfter = new ArrayList<>();
    for (int r = 0; blame && r < REPEATS; r++) {
      cliAfter.add(time(() -> blameAll(repoDir, home, paths)));
    }

    double mFirst = median(first);
    double mInc = median(incremental);
    double mServed = median(incrementalServed);
    System.out.printf("repeats: %d, interleaved; times in seconds, median [all runs]%n", REPEATS);
    if (blame) {
      row("git blame --porcelain, all " + paths.size() + " files at HEAD", cli);
    }
    row("bp report, first run (bp launcher, AppCDS, no cache, no daemon)", first);
    row("  same, BP_NO_CDS=1 BP_REPORT_DAEMON=0", firstPlain);
    row("  same, answered by a warm report daemon", firstServed);
    row("  same analysis in-process (no JVM start)", inProcessFirst);
    if (blame) {
      System.out.printf(
          "%-58s %8.2f  (10-file sample x %d files)%n",
          "JGit BlameCommand, all files (extrapolated)",
          jgitSample * paths.size() / 10,
          paths.size());
      row("git blame --porcelain after +" + MORE + " commits", cliAfter);
    }
    row("bp --version (bp launcher, AppCDS)", startup);
    row("bp report after +" + MORE + " commits, warm report daemon", incrementalServed);
    row("  same, BP_REPORT_DAEMON=0 (new JVM, AppCDS)", incremental);
    row("  same, BP_REPORT_DAEMON=0 BP_NO_CDS=1", incrementalPlain);
    row("  same analysis in-process", inProcessIncremental);
    if (blame) {
      System.out.printf("first run / git CLI blames: %.3f (target <= 1)%n", mFirst / median(cli));
    }
    System.out.println(
        "the daemon answered the launcher with no java on PATH: " + (served ? "yes" : "NO"));
    System.out.printf(
        "incremental (daemon) / first run (no daemon): %.3f (target < 0.10)%n", mServed / mFirst);
    System.out.printf(
        "incremental (daemon) / first run (daemon): %.3f%n", mServed / median(firstServed));
    System.out.printf("incremental / first run, new JVM each: %.3f%n", mInc / mFirst);
    System.out.printf(
        "incremental / first run, BP_NO_CDS=1: %.3f%n",
        median(incrementalPlain) / median(firstPlain));
    System.out.printf(
        "incremental / first run, in-process: %.3f%n",
        median(inProcessIncremental) / median(inProcessFirst));
    System.out.println("load average at end: " + loadAverage());
  }

  /** Waits for the repository's report daemon and its warm-up: one untimed report it answers. */
  static void awaitWarmDaemon(Path bp, Path repo, Path home) throws Exception {
    Path file = repo.resolve(".blueprint/report-daemon");
    for (int i = 0; i < 600 && !Files.exists(file); i++) {
      Thread.sleep(100);
    }
    if (!Files.exists(file)) {
      report(bp, repo, home, Via.DAEMON);
    }
    report(bp, repo, home, Via.DAEMON);
  }

  /**
   * Whether the launcher's report was answered by the daemon: run with a PATH whose java fails, so
   * a fallback to a new JVM would show as a failure.
   */
  static boolean servedWithoutJvm(Path bp, Path repo, Path home, Path work) throws Exception {
    Path dir = Files.createDirectories(work.resolve("no-java"));
    Path java = dir.resolve("java");
    Files.writeString(java, "#!/bin/sh\nexit 97\n");
    java.toFile().setExecutable(true);
    try {
      run(
          List.of(bp.toString(), "report", "--repo", repo.toString(), "--json"),
          home,
          Map.of("PATH", dir + ":" + System.getenv("PATH")));
      return true;
    } catch (IllegalStateException e) {
      return false;
    }
  }

  static void stopDaemon(Path bp, Path repo, Path home) throws Exception {
    run(List.of(bp.toString(), "report", "--repo", repo.toString(), "--stop-daemon"), home);
  }

  /** Last resort at exit: end the daemon the file names, so the bench leaves no process behind. */
  static void killDaemon(Path repo) {
    try {
      String[] f = Files.readString(repo.resolve(".blueprint/report-daemon")).strip().split(" ");
      ProcessHandle.of(Long.parseLong(f[3])).ifPresent(ProcessHandle::destroy);
    } catch (IOException | RuntimeException e) {
      // No daemon left.
    }
  }

  static String loadAverage() throws IOException {
    Path p = Path.of("/proc/loadavg");
    return Files.exists(p) ? Files.readString(p).strip() : "n/a";
  }

  /**
   * The launcher trains its AppCDS archive in the background on first use of a jar: wait for it,
   * so every timed run uses it (as every run after the first does for a user).
   */
  static void awaitLauncherArchive(Path bp, Path home) throws Exception {
    run(List.of(bp.toString(), "--version"), home, false);
    Path cds = bp.getParent().resolve("server/target/cds");
    for (int i = 0; i < 3000; i++) {
      boolean trained;
      try (var files = Files.list(cds)) {
        trained = files.anyMatch(f -> f.getFileName().toString().matches("bp-.*\\.jsa"));
      } catch (IOException e) {
        trained = false;
      }
      if (trained && !Files.exists(cds.resolve("training.lock"))) {
        return;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("the bp launcher trained no AppCDS archive in 5 minutes");
  }

  void generate(Repository repo, int count) throws IOException {
    ObjectId parent = repo.resolve("HEAD");
    // One pack instead of ~15 loose objects per commit: setup in seconds, not minutes.
    try (ObjectInserter ins = ((ObjectDirectory) repo.getObjectDatabase()).newPackInserter()) {
      if (files.isEmpty()) {
        for (int f = 0; f < FILES; f++) {
          String path = "src/m" + (f % 10) + "/File" + f + ".java";
          files.put(path, new ArrayList<>(Arrays.asList(randomLines(40))));
          blobs.put(path, blob(ins, path));
        }
      }
      for (int i = 0; i < count; i++) {
        int changed = 1 + random.nextInt(3);
        for (int k = 0; k < changed; k++) {
          String path = pick();
          edit(files.get(path));
          blobs.put(path, blob(ins, path));
        }
        DirCache dc = DirCache.newInCore();
        DirCacheBuilder b = dc.builder();
        for (String path : files.keySet()) {
          DirCacheEntry e = new DirCacheEntry(path);
          e.setFileMode(FileMode.REGULAR_FILE);
          e.setObjectId(blobs.get(path));
          b.add(e);
        }
        b.finish();
        CommitBuilder c = new CommitBuilder();
        c.setTreeId(dc.writeTree(ins));
        if (parent != null) {
          c.setParentId(parent);
        }
        clock = clock.plusSeconds(1800);
        PersonIdent who = new PersonIdent("Bench", "bench@example.test", clock, ZoneOffset.UTC);
        c.setAuthor(who);
        c.setCommitter(who);
        c.setMessage(message(made++));
        parent = ins.insert(c);
      }
      ins.flush();
    }
    RefUpdate ru = repo.updateRef("refs/heads/main");
    ru.setNewObjectId(parent);
    ru.setForceUpdate(true);
    ru.update();
  }

  /** Sessions are blocks of 10 commits every COMMITS/SESSIONS commits; the rest are people. */
  String message(int n) {
    int block = Math.max(1, COMMITS / SESSIONS);
    int session = n / block;
    if (n < COMMITS && n % block < 10) {
      String[][] agents = {{"claude-code", "opus-4.5"}, {"claude-code", "sonnet-4.5"}, {"codex", "gpt-5"}};
      String[] a = agents[session % agents.length];
      return "Session work " + n + "\n\nSession-Id: bench-" + session + "\nAgent: " + a[0]
          + "\nModel: " + a[1] + "\nBlueprint: bp-" + (session % 4) + "\n";
    }
    return "Human change " + n + "\n";
  }

  void writeJournals(Path repoDir) throws IOException {
    Path dir = Files.createDirectories(repoDir.resolve("sessions"));
    for (int s = 0; s < SESSIONS; s += 10) {
      Files.writeString(
          dir.resolve(String.format("2025-06-01-%03d-claude-code.md", s)),
          "---\nsession_id: bench-" + s + "\nagent: claude-code\nmodel: opus-4.5\n---\n");
    }
  }

  String pick() {
    List<String> keys = List.copyOf(files.keySet());
    // Skewed: a third of the changes go to a tenth of the files, as in real code bases.
    return random.nextInt(3) == 0
        ? keys.get(random.nextInt(keys.size() / 10))
        : keys.get(random.nextInt(keys.size()));
  }

  void edit(List<String> lines) {
    int op = random.nextInt(3);
    int at = random.nextInt(lines.size() + 1);
    if (op == 0 || lines.size() < 20) {
      lines.addAll(at, Arrays.asList(randomLines(1 + random.nextInt(8))));
    } else {
      int from = Math.min(at, lines.size() - 1);
      int to = Math.min(lines.size(), from + 1 + random.nextInt(5));
      lines.subList(from, to).clear();
      if (op == 2) {
        lines.addAll(from, Arrays.asList(randomLines(1 + random.nextInt(5))));
      }
    }
  }

  String[] randomLines(int n) {
    String[] out = new String[n];
    for (int i = 0; i < n; i++) {
      out[i] = "    int v" + random.nextInt(100_000) + " = " + random.nextInt(1000) + ";";
    }
    return out;
  }

  ObjectId blob(ObjectInserter ins, String path) throws IOException {
    return ins.insert(
        Constants.OBJ_BLOB,
        (String.join("\n", files.get(path)) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  static void blameAll(Path repo, Path home, List<String> paths) throws Exception {
    for (String p : paths) {
      git(repo, home, "blame", "--porcelain", "HEAD", "--", p);
    }
  }

  static void git(Path repo, Path home, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("git", "-C", repo.toString()));
    cmd.addAll(List.of(args));
    run(cmd, home);
  }

  /** How a timed {@code bp report} may run: with the archive or not, with the daemon or not. */
  enum Via {
    DAEMON(Map.of()),
    JVM(Map.of("BP_REPORT_DAEMON", "0")),
    JVM_NO_CDS(Map.of("BP_REPORT_DAEMON", "0", "BP_NO_CDS", "1"));

    final Map<String, String> env;

    Via(Map<String, String> env) {
      this.env = env;
    }
  }

  static void report(Path bp, Path repo, Path home, Via via) throws Exception {
    run(List.of(bp.toString(), "report", "--repo", repo.toString(), "--json"), home, via.env);
  }

  static void run(List<String> cmd, Path home) throws Exception {
    run(cmd, home, Map.of());
  }

  static void run(List<String> cmd, Path home, boolean noCds) throws Exception {
    run(cmd, home, noCds ? Via.JVM_NO_CDS.env : Map.of());
  }

  static void run(List<String> cmd, Path home, Map<String, String> env) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().remove("BP_JAVA_OPTS");
    pb.environment().remove("BP_NO_CDS");
    pb.environment().remove("BP_REPORT_DAEMON");
    pb.environment().putAll(env);
    pb.environment().put("HOME", home.toString());
    pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
    pb.environment().put("GIT_CONFIG_GLOBAL", home.resolve(".gitconfig").toString());
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    int code = pb.start().waitFor();
    if (code != 0) {
      throw new IllegalStateException(cmd + " exited with " + code);
    }
  }

  static void analyze(Path repo) throws Exception {
    new WorkRateAnalyzer(
            repo,
            new JournalSessionSource(repo.resolve("sessions")),
            WorkRateAnalyzer.Options.defaults())
        .analyze();
  }

  static double jgitBlameSample(Path repo, List<String> paths) throws Exception {
    try (Git git = Git.open(repo.toFile())) {
      ObjectId head = git.getRepository().resolve("HEAD");
      return time(
          () -> {
            for (String p : paths) {
              git.blame().setStartCommit(head).setFilePath(p).call();
            }
          });
    }
  }

  interface Work {
    void run() throws Exception;
  }

  static double time(Work w) throws Exception {
    long t = System.nanoTime();
    w.run();
    return secs(System.nanoTime() - t);
  }

  static double secs(long nanos) {
    return nanos / 1e9;
  }

  static double median(List<Double> xs) {
    double[] s = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  static void row(String label, List<Double> xs) {
    StringBuilder all = new StringBuilder();
    for (double x : xs) {
      all.append(String.format(" %.2f", x));
    }
    System.out.printf("%-58s %8.2f  [%s ]%n", label, median(xs), all);
  }
}
