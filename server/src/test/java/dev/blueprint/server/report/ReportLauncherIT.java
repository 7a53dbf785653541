package dev.blueprint.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code bp} launcher with its report client, on a copy of the layout it expects ({@code
 * bp}, {@code server/target/bp.jar}, {@code server/src/main/sh/report-client.sh}), without its
 * AppCDS archive (training would start eight JVMs in the background).
 */
class ReportLauncherIT {
  @TempDir Path tmp;
  private DaemonSandbox box;
  private Path bp;
  private Path noJava;

  @BeforeEach
  void layout() throws Exception {
    box = new DaemonSandbox(tmp);
    Path root = Files.createDirectories(tmp.resolve("bp-root"));
    bp = root.resolve("bp");
    Files.copy(Path.of("..", "bp"), bp);
    bp.toFile().setExecutable(true);
    Files.createDirectories(root.resolve("server/src/main/sh"));
    Path client = root.resolve("server/src/main/sh/report-client.sh");
    Files.copy(DaemonSandbox.CLIENT, client);
    Files.createDirectories(root.resolve("server/target"));
    Path jar = root.resolve("server/target/bp.jar");
    Files.copy(Path.of("target", "bp.jar"), jar);
    // The launcher rebuilds a jar older than anything under server/src/main (the client too).
    Files.setLastModifiedTime(
        jar, FileTime.fromMillis(Files.getLastModifiedTime(client).toMillis() + 60_000));
    // A PATH whose java fails: a report printed under it came from the daemon, not a new JVM.
    noJava = Files.createDirectories(tmp.resolve("no-java"));
    Path java = noJava.resolve("java");
    Files.writeString(java, "#!/bin/sh\necho 'no JVM here' >&2\nexit 97\n");
    java.toFile().setExecutable(true);
  }

  @AfterEach
  void noProcessLeftBehind() throws Exception {
    box.close();
    assertThat(box.liveProcesses()).isEmpty();
  }

  private DaemonSandbox.Run bp(Path cwd, boolean withJava, String... args) throws Exception {
    String[] cmd = new String[args.length + 1];
    cmd[0] = bp.toString();
    System.arraycopy(args, 0, cmd, 1, args.length);
    String path =
        withJava
            ? Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH")
            : noJava + ":" + System.getenv("PATH");
    return box.run(cwd, Map.of("BP_NO_CDS", "1", "PATH", path), cmd);
  }

  @Test
  void theSecondReportIsServedByTheDaemonTheFirstStartedAndMatchesIt() throws Exception {
    Path repo = box.repository("repo");
    DaemonSandbox.Run first = bp(repo, true, "report", "--json");
    assertThat(first.exit()).as(first.err()).isZero();
    ReportDaemonFile file = box.awaitFile(repo, 0);

    DaemonSandbox.Run served = bp(repo, false, "report", "--json");
    assertThat(served.exit()).as(served.err()).isZero();
    assertThat(served.out()).isEqualTo(first.out());

    // What the daemon cannot answer goes to the JVM path (here: the failing java).
    assertThat(bp(repo, false, "report", "--since", "yesterday").exit()).isEqualTo(97);
    assertThat(bp(repo, false, "report", "--no-daemon").exit()).isEqualTo(97);

    DaemonSandbox.Run stop = bp(repo, true, "report", "--stop-daemon");
    assertThat(stop.text()).isEqualTo("report daemon stopped\n");
    assertThat(ProcessHandle.of(file.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
  }

  @Test
  void theDaemonAFirstReportStartsHoldsNoneOfTheCallersPipes() throws Exception {
    Path repo = box.repository("repo");
    ProcessBuilder pb =
        new ProcessBuilder(bp.toString(), "report", "--json").directory(repo.toFile());
    pb.environment().put("BP_NO_CDS", "1");
    pb.environment().remove("BP_REPORT_DAEMON");
    pb.environment()
        .put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
    pb.environment().put("HOME", tmp.resolve("home").toString());
    pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
    pb.environment().put("GIT_CONFIG_GLOBAL", tmp.resolve("home/gitconfig").toString());
    Process p = pb.start();
    p.getOutputStream().close();
    // Both pipes reach their end while the daemon lives on: it inherited neither.
    CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p, false));
    CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p, true));
    byte[] stdout = out.get(120, TimeUnit.SECONDS);
    assertThat(err.get(120, TimeUnit.SECONDS)).isEmpty();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(new String(stdout, StandardCharsets.UTF_8)).contains("\"schema_version\" : 1");
    ReportDaemonFile file = box.awaitFile(repo, 0);
    assertThat(ProcessHandle.of(file.pid()).map(ProcessHandle::isAlive)).contains(true);
  }

  private static byte[] readAll(Process p, boolean stderr) {
    try {
      return (stderr ? p.getErrorStream() : p.getInputStream()).readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aStaleDaemonFileFallsBackToTheJvmPathWithTheSameOutput() throws Exception {
    Path repo = box.repository("repo");
    DaemonSandbox.Run reference = bp(repo, true, "report", "--no-daemon");
    assertThat(reference.exit()).as(reference.err()).isZero();
    int deadPort;
    try (ServerSocket s = new ServerSocket(0)) {
      deadPort = s.getLocalPort();
    }
    String key =
        box.run(repo, Map.of(), "stat", "-c", "%s-%Y", tmp + "/bp-root/server/target/bp.jar")
            .text()
            .strip();
    new ReportDaemonFile(deadPort, "ab".repeat(32), key, 999_999)
        .write(ReportDaemonFile.path(repo));

    assertThat(bp(repo, false, "report").exit()).isEqualTo(97);
    DaemonSandbox.Run fallback = bp(repo, true, "report");
    assertThat(fallback.exit()).as(fallback.err()).isZero();
    assertThat(fallback.err()).isEmpty();
    assertThat(fallback.out()).isEqualTo(reference.out());
    // That JVM run replaced the stale file with a daemon of its own.
    ReportDaemonFile replaced = null;
    for (int i = 0; i < 600 && replaced == null; i++) {
      replaced =
          ReportDaemonFile.read(ReportDaemonFile.path(repo))
              .filter(f -> f.port() != deadPort)
              .orElse(null);
      Thread.sleep(100);
    }
    assertThat(replaced).isNotNull();
    assertThat(ProcessHandle.of(replaced.pid()).map(ProcessHandle::isAlive)).contains(true);
  }
}
