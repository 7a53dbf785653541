package dev.blueprint.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report daemon as users meet it: a real child JVM on 127.0.0.1, asked by the launcher's real
 * bash client (or the Java client, for requests bash would never send), compared byte for byte with
 * {@code bp report} in a fresh JVM.
 */
class ReportDaemonIT {
  private static final String KEY = "1234-5678";

  @TempDir Path tmp;
  private DaemonSandbox box;

  @BeforeEach
  void sandbox() throws Exception {
    box = new DaemonSandbox(tmp);
  }

  @AfterEach
  void noProcessLeftBehind() throws Exception {
    box.close();
    assertThat(box.liveProcesses()).isEmpty();
  }

  @Test
  void printsByteForByteWhatTheJvmPathPrintsForTextJsonAndHtml() throws Exception {
    Path repo = box.repository("repo");
    DaemonSandbox.Run first = box.jvmReport(repo, Map.of());
    assertThat(first.exit()).as(first.err()).isZero();
    box.startDaemon(repo, KEY, Map.of());

    DaemonSandbox.Run served = box.client(repo, KEY);
    assertThat(served.exit()).as(served.err()).isZero();
    assertThat(served.err()).isEmpty();
    assertThat(served.out()).isEqualTo(first.out());
    assertThat(served.text()).contains("# Effective work rate", "s1", "s2");

    // New commits: the daemon reads them first, then a fresh JVM finds them cached.
    box.more(repo, 10);
    box.more(repo, 11);
    DaemonSandbox.Run json = box.client(repo, KEY, "--json");
    DaemonSandbox.Run jvmJson = box.jvmReport(repo, Map.of(), "--json");
    assertThat(json.exit()).as(json.err()).isZero();
    assertThat(json.out()).isEqualTo(jvmJson.out());
    assertThat(json.text()).contains("\"schema_version\" : 1", "\"id\" : \"s2\"");

    // Relative paths resolve against the client's folder, not the daemon's.
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    DaemonSandbox.Run html =
        box.client(elsewhere, KEY, "--repo", "../repo", "--html", "daemon.html", "--by", "day");
    DaemonSandbox.Run jvmHtml =
        box.jvmReport(
            elsewhere, Map.of(), "--repo", "../repo", "--html", "jvm.html", "--by", "day");
    assertThat(html.exit()).as(html.err()).isZero();
    assertThat(html.out()).isEqualTo(jvmHtml.out());
    assertThat(Files.readAllBytes(elsewhere.resolve("daemon.html")))
        .isEqualTo(Files.readAllBytes(elsewhere.resolve("jvm.html")));
    assertThat(repo.resolve("daemon.html")).doesNotExist();
  }

  @Test
  void sendsErrorsHelpAndDaemonOptionsBackToTheJvmPathPrintingNothing() throws Exception {
    Path repo = box.repository("repo");
    box.startDaemon(repo, KEY, Map.of());
    for (List<String> args :
        List.of(
            List.of("--since", "yesterday"),
            List.of("--help"),
            List.of("--html", "no-such-folder/r.html"),
            List.of("--no-daemon"))) {
      DaemonSandbox.Run r = box.client(repo, KEY, args.toArray(String[]::new));
      assertThat(r.exit()).as("%s", args).isEqualTo(1);
      assertThat(r.out()).as("%s", args).isEmpty();
      assertThat(r.err()).as("%s", args).isEmpty();
    }
    // Still serving after those.
    assertThat(box.client(repo, KEY).exit()).isZero();
  }

  @Test
  void refusesAWrongTokenAndAnotherRepository() throws Exception {
    Path repo = box.repository("repo");
    Path other = box.repository("other");
    ReportDaemonFile file = ReportDaemonFile.read(ReportDaemonFile.path(repo)).orElse(null);
    assertThat(file).isNull();
    box.startDaemon(repo, KEY, Map.of());
    file = ReportDaemonFile.read(ReportDaemonFile.path(repo)).orElseThrow();
    assertThat(Files.getPosixFilePermissions(ReportDaemonFile.path(repo)))
        .extracting(Object::toString)
        .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");

    String wrongToken = file.token().substring(1) + (file.token().startsWith("0") ? "1" : "0");
    assertThat(reply(file.port(), request(wrongToken, KEY, repo, List.of())))
        .isEqualTo("refused token\n");
    assertThat(reply(file.port(), request(file.token(), KEY, other, List.of())))
        .isEqualTo("fallback other-repository\n");
    assertThat(reply(file.port(), request(file.token(), KEY, repo, List.of("--repo", "../other"))))
        .isEqualTo("fallback other-repository\n");
    // Daemon options belong to the JVM path, even from a client that sends them.
    assertThat(reply(file.port(), request(file.token(), KEY, repo, List.of("--stop-daemon"))))
        .isEqualTo("fallback daemon-option\n");
    assertThat(reply(file.port(), request(file.token(), KEY, repo, List.of())))
        .startsWith("ok 0\n# Effective work rate");
  }

  @Test
  void aRequestFromAnotherJarFallsBackAndEndsTheDaemon() throws Exception {
    Path repo = box.repository("repo");
    Process daemon = box.startDaemon(repo, KEY, Map.of());
    ReportDaemonFile file = ReportDaemonFile.read(ReportDaemonFile.path(repo)).orElseThrow();

    // The launcher of a rebuilt jar does not even connect.
    DaemonSandbox.Run r = box.client(repo, "9999-9999");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(daemon.isAlive()).isTrue();

    assertThat(reply(file.port(), request(file.token(), "9999-9999", repo, List.of())))
        .isEqualTo("fallback other-jar\n");
    assertThat(daemon.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(ReportDaemonFile.path(repo)).doesNotExist();
  }

  @Test
  void endsAfterItsIdleTimeoutAndRemovesItsFile() throws Exception {
    Path repo = box.repository("repo");
    Process daemon = box.startDaemon(repo, KEY, Map.of("BP_REPORT_DAEMON_IDLE", "2"));
    assertThat(daemon.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(daemon.exitValue()).isZero();
    assertThat(ReportDaemonFile.path(repo)).doesNotExist();
  }

  @Test
  void endsWhenItsFileNoLongerNamesIt() throws Exception {
    Path repo = box.repository("repo");
    Process daemon = box.startDaemon(repo, KEY, Map.of());
    Files.delete(ReportDaemonFile.path(repo));
    assertThat(daemon.waitFor(30, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aStaleFileNamingADeadPortFallsBackSilently() throws Exception {
    Path repo = box.repository("repo");
    int deadPort;
    try (ServerSocket s = new ServerSocket(0)) {
      deadPort = s.getLocalPort();
    }
    new ReportDaemonFile(deadPort, "ab".repeat(32), KEY, 999_999)
        .write(ReportDaemonFile.path(repo));
    long start = System.nanoTime();
    DaemonSandbox.Run r = box.client(repo, KEY);
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEmpty();
    assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(30);
  }

  @Test
  void aFirstReportStartsADaemonThatServesTheNextAndStopDaemonEndsIt() throws Exception {
    Path repo = box.repository("repo");
    Path sub = Files.createDirectories(repo.resolve("sub"));
    Map<String, String> launcher = Map.of("BP_REPORT_JAR_KEY", KEY);
    DaemonSandbox.Run first = box.jvmReport(sub, launcher, "--json");
    assertThat(first.exit()).as(first.err()).isZero();
    ReportDaemonFile file = box.awaitFile(repo, 0);
    ProcessHandle daemon = ProcessHandle.of(file.pid()).orElseThrow();
    assertThat(daemon.isAlive()).isTrue();
    // ProcessHandle's command line stops at one page; this class path is longer.
    assertThat(Files.readString(Path.of("/proc/" + file.pid() + "/cmdline")).replace('\0', ' '))
        .contains(ReportDaemon.SERVE_FLAG, repo.toString(), KEY);

    // A second fresh report finds it alive and starts no other.
    assertThat(box.jvmReport(repo, launcher).exit()).isZero();
    assertThat(ReportDaemonFile.read(ReportDaemonFile.path(repo)).orElseThrow()).isEqualTo(file);

    DaemonSandbox.Run served = box.client(sub, KEY, "--json");
    assertThat(served.exit()).as(served.err()).isZero();
    assertThat(served.out()).isEqualTo(first.out());

    DaemonSandbox.Run stop = box.jvmReport(repo, launcher, "--stop-daemon");
    assertThat(stop.exit()).as(stop.err()).isZero();
    assertThat(stop.text()).isEqualTo("report daemon stopped\n");
    daemon.onExit().get(30, TimeUnit.SECONDS);
    assertThat(daemon.isAlive()).isFalse();
    assertThat(ReportDaemonFile.path(repo)).doesNotExist();
    assertThat(box.jvmReport(repo, launcher, "--stop-daemon").text())
        .isEqualTo("no report daemon running\n");
  }

  @Test
  void noDaemonOptionAndVariableStartNone() throws Exception {
    Path repo = box.repository("repo");
    assertThat(box.jvmReport(repo, Map.of("BP_REPORT_JAR_KEY", KEY), "--no-daemon").exit())
        .isZero();
    assertThat(
            box.jvmReport(repo, Map.of("BP_REPORT_JAR_KEY", KEY, "BP_REPORT_DAEMON", "0")).exit())
        .isZero();
    assertThat(box.jvmReport(repo, Map.of()).exit()).isZero();
    Thread.sleep(1000);
    assertThat(ReportDaemonFile.path(repo)).doesNotExist();
  }

  private ReportRequest request(String token, String key, Path cwd, List<String> args) {
    return new ReportRequest(ReportRequest.REPORT, token, key, cwd, box.wireEnvironment(), args);
  }

  private static String reply(int port, ReportRequest request) throws Exception {
    return new String(ReportDaemonClient.exchange(port, request), StandardCharsets.UTF_8);
  }
}
