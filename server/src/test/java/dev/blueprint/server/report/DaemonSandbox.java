package dev.blueprint.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Real processes for the daemon tests: git repositories made by the git CLI (own HOME, no system or
 * global configuration, fixed author and dates), {@code bp report}'s JVM path and daemon as child
 * JVMs on this test's class path, and the launcher's bash client sourced from its script. Tracks
 * every process it starts so {@link #close} leaves none behind.
 */
final class DaemonSandbox implements AutoCloseable {
  static final String MAIN = "dev.blueprint.server.cli.ReportCommand";
  static final Path CLIENT = Path.of("src/main/sh/report-client.sh").toAbsolutePath();

  record Run(int exit, byte[] out, String err) {
    String text() {
      return new String(out, StandardCharsets.UTF_8);
    }
  }

  private final Path root;
  private final Path home;
  private final List<Process> started = new ArrayList<>();
  private int clock;

  DaemonSandbox(Path root) throws IOException {
    this.root = root;
    this.home = Files.createDirectories(root.resolve("home"));
    Files.writeString(home.resolve("gitconfig"), "");
  }

  private void environment(Map<String, String> env) {
    env.put("HOME", home.toString());
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    env.put("GIT_CONFIG_GLOBAL", home.resolve("gitconfig").toString());
    env.remove("BP_REPORT_JAR_KEY");
    env.remove("BP_REPORT_DAEMON");
    env.remove("BP_LOG_LEVEL");
    env.remove("BP_DEBUG");
  }

  /** This sandbox's values of {@link ReportRequest#ENVIRONMENT}, as its processes send them. */
  List<String> wireEnvironment() {
    Map<String, String> env = new ProcessBuilder().environment();
    environment(env);
    return ReportRequest.ENVIRONMENT.stream()
        .map(name -> env.containsKey(name) ? "=" + env.get(name) : "")
        .toList();
  }

  /** A repository with a journal and two sessions' commits, one of them partly rewritten. */
  Path repository(String name) throws Exception {
    Path repo = Files.createDirectories(root.resolve(name));
    git(repo, "init", "-q", "-b", "main");
    Files.writeString(repo.resolve(".gitignore"), ".blueprint/\n");
    Files.createDirectories(repo.resolve("sessions"));
    Files.writeString(
        repo.resolve("sessions/2026-03-02-001-claude-code.md"),
        "---\nschema_version: 1\nsession_id: s1\nagent: claude-code\nmodel: opus-\u00df\n"
            + "blueprint: caf\u00e9\n---\n# Session\n");
    Files.writeString(repo.resolve("a.txt"), "one\ntwo\nthree\nfour\n");
    commit(repo, "Add a\n\nSession-Id: s1");
    Files.writeString(repo.resolve("a.txt"), "one\nTWO\nthree\n");
    commit(repo, "Rewrite a\n\nSession-Id: s2\nAgent: codex\nModel: gpt-5");
    for (int i = 0; i < 3; i++) {
      more(repo, i);
    }
    return repo;
  }

  /** One more commit on {@code b.txt}. */
  void more(Path repo, int i) throws Exception {
    Files.writeString(repo.resolve("b.txt"), "b" + i + "\n");
    commit(repo, "Filler " + i);
  }

  private void commit(Path repo, String message) throws Exception {
    git(repo, "add", "-A");
    String date = "2026-03-0" + (2 + clock / 10) + "T10:00:" + String.format("%02d", clock % 60);
    clock++;
    Run r =
        run(
            repo,
            Map.of("GIT_AUTHOR_DATE", date, "GIT_COMMITTER_DATE", date),
            "git",
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@localhost",
            "-c",
            "commit.gpgsign=false",
            "commit",
            "-q",
            "-m",
            message);
    assertThat(r.exit()).as(r.err()).isZero();
  }

  void git(Path repo, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("git"));
    cmd.addAll(List.of(args));
    Run r = run(repo, Map.of(), cmd.toArray(String[]::new));
    assertThat(r.exit()).as(r.err()).isZero();
  }

  /** {@code bp report} through a fresh JVM: the reference the daemon must match. */
  Run jvmReport(Path cwd, Map<String, String> env, String... args) throws Exception {
    return run(cwd, env, javaCommand(args).toArray(String[]::new));
  }

  /** The daemon as the report entry point starts it, as a child of this test. */
  Process startDaemon(Path workTree, String jarKey, Map<String, String> env) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(javaCommand(ReportDaemon.SERVE_FLAG, workTree.toString(), jarKey))
            .directory(workTree.toFile())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(root.resolve("daemon-" + started.size() + ".log").toFile());
    environment(pb.environment());
    pb.environment().putAll(env);
    Process p = pb.start();
    started.add(p);
    awaitFile(workTree, p.pid());
    return p;
  }

  /** Waits until {@code .blueprint/report-daemon} names a live process (pid 0: any). */
  ReportDaemonFile awaitFile(Path workTree, long pid) throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      Optional<ReportDaemonFile> f = ReportDaemonFile.read(ReportDaemonFile.path(workTree));
      if (f.isPresent() && (pid == 0 || f.get().pid() == pid)) {
        return f.get();
      }
      Thread.sleep(100);
    }
    Path log = workTree.resolve(".blueprint/report-daemon.log");
    String logged = "";
    try {
      logged = Files.exists(log) ? Files.readString(log) : "(no log)";
    } catch (IOException e) {
      logged = e.toString();
    }
    throw new AssertionError("no report daemon file in " + workTree + "; its log: " + logged);
  }

  /** The launcher's client function, sourced from its script, run in {@code cwd}. */
  Run client(Path cwd, String jarKey, String... args) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of("bash", "-c", ". \"$0\"; report_via_daemon \"$@\"", CLIENT.toString(), jarKey));
    cmd.addAll(List.of(args));
    return run(cwd, Map.of(), cmd.toArray(String[]::new));
  }

  private List<String> javaCommand(String... args) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd =
        new ArrayList<>(
            List.of(
                java,
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                MAIN));
    cmd.addAll(List.of(args));
    return cmd;
  }

  Run run(Path cwd, Map<String, String> env, String... cmd) throws Exception {
    Path out = Files.createTempFile(root, "out", ".bin");
    Path err = Files.createTempFile(root, "err", ".txt");
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .directory(cwd.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    environment(pb.environment());
    pb.environment().putAll(env);
    Process p = pb.start();
    started.add(p);
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("%s finished", cmd[0]).isTrue();
    return new Run(p.exitValue(), Files.readAllBytes(out), Files.readString(err));
  }

  /** Command lines of live processes that mention this sandbox's folder. */
  List<String> liveProcesses() throws Exception {
    Process p =
        new ProcessBuilder("pgrep", "-af", root.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(30, TimeUnit.SECONDS);
    return out.lines().filter(l -> !l.contains("pgrep")).toList();
  }

  /** Ends every process this sandbox started, and daemons a report started on its own. */
  @Override
  public void close() throws Exception {
    for (Process p : started) {
      p.destroy();
      p.waitFor(10, TimeUnit.SECONDS);
      p.destroyForcibly();
    }
    try (var dirs = Files.list(root)) {
      for (Path dir : dirs.toList()) {
        ReportDaemonFile.read(ReportDaemonFile.path(dir))
            .flatMap(f -> ProcessHandle.of(f.pid()))
            .filter(h -> h.pid() != ProcessHandle.current().pid())
            .ifPresent(
                h -> {
                  h.destroy();
                  h.onExit().orTimeout(10, TimeUnit.SECONDS).join();
                });
      }
    }
  }
}
