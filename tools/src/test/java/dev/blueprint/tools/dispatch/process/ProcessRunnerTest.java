package dev.blueprint.tools.dispatch.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real child processes (bash, coreutils): output, input, timeouts and process trees. */
class ProcessRunnerTest {
  @TempDir Path dir;
  private final ProcessRunner runner = new ProcessRunner();

  private ProcessSpec bash(String script, Duration timeout) {
    return ProcessSpec.of(List.of("bash", "-c", script), dir, timeout, dir.resolve("logs"), "p");
  }

  @Test
  void passesStdinEnvAndWorkDirAndCapturesBothStreams() throws Exception {
    ProcessSpec spec =
        bash("cat; echo \"[$GREETING]\"; pwd; echo oops >&2; exit 3", Duration.ofSeconds(20))
            .withEnv(Map.of("GREETING", "hi there"))
            .withStdin("line one\nline two\n");

    ProcessResult r = runner.run(spec);

    assertThat(r).isInstanceOf(ProcessResult.Exited.class);
    ProcessResult.Exited e = (ProcessResult.Exited) r;
    assertThat(e.exitCode()).isEqualTo(3);
    assertThat(e.output().stdoutTail())
        .isEqualTo("line one\nline two\n[hi there]\n" + dir.toRealPath() + "\n");
    assertThat(e.output().stderrTail()).isEqualTo("oops\n");
    assertThat(Files.readString(spec.stdoutLog())).isEqualTo(e.output().stdoutTail());
  }

  @Test
  void survivesFiftyMegabytesOfOutputKeepingOnlyTheTailInMemory() {
    ProcessSpec spec =
        bash(
            "head -c 50000000 /dev/zero | tr '\\0' 'x'; printf END; head -c 3000000 /dev/zero >&2",
            Duration.ofSeconds(60));

    ProcessResult.Exited e = (ProcessResult.Exited) runner.run(spec);

    assertThat(e.exitCode()).isZero();
    assertThat(e.output().stdoutBytes()).isEqualTo(50_000_003L);
    assertThat(e.output().stderrBytes()).isEqualTo(3_000_000L);
    assertThat(e.output().stdoutTail()).hasSize(ProcessRunner.TAIL_BYTES).endsWith("xxxEND");
  }

  @Test
  void killsAHangingChildAtItsTimeout() {
    ProcessResult r = runner.run(bash("echo started; exec sleep 300", Duration.ofMillis(500)));

    assertThat(r).isInstanceOf(ProcessResult.TimedOut.class);
    ProcessResult.TimedOut t = (ProcessResult.TimedOut) r;
    assertThat(t.output().stdoutTail()).isEqualTo("started\n");
    assertThat(t.forced()).isFalse();
  }

  @Test
  void killsTheGrandchildTooWhenTheChildTimesOut() throws Exception {
    Path pidFile = dir.resolve("grandchild.pid");
    String script = "sleep 300 & echo $! > " + pidFile + "; wait";

    ProcessResult r = runner.run(bash(script, Duration.ofMillis(800)));

    assertThat(r).isInstanceOf(ProcessResult.TimedOut.class);
    long pid = Long.parseLong(Files.readString(pidFile).trim());
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
  }

  @Test
  void forceKillsATreeThatIgnoresTheTermSignal() throws Exception {
    Path pidFile = dir.resolve("stubborn.pid");
    String script =
        "trap '' TERM; bash -c \"trap '' TERM; echo \\$\\$ > "
            + pidFile
            + "; while :; do sleep 0.1; done\" & wait";

    ProcessResult r =
        runner.run(bash(script, Duration.ofMillis(800)).withGrace(Duration.ofMillis(300)));

    assertThat(r).isInstanceOf(ProcessResult.TimedOut.class);
    assertThat(((ProcessResult.TimedOut) r).forced()).isTrue();
    long pid = Long.parseLong(Files.readString(pidFile).trim());
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
  }

  @Test
  void killsABackgroundGrandchildLeftBehindByAChildThatExited() throws Exception {
    Path pidFile = dir.resolve("orphan.pid");
    // The child lingers briefly so the runner's watch sees the grandchild before it is orphaned.
    String script = "sleep 300 & echo $! > " + pidFile + "; sleep 0.5; exit 0";

    ProcessResult r = runner.run(bash(script, Duration.ofSeconds(20)));

    assertThat(r).isInstanceOf(ProcessResult.Exited.class);
    long pid = Long.parseLong(Files.readString(pidFile).trim());
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
  }

  @Test
  void reportsAProgramThatDoesNotExistAsNotStarted() {
    ProcessResult r =
        runner.run(
            ProcessSpec.of(
                List.of("/no/such/agent-cli"),
                dir,
                Duration.ofSeconds(5),
                dir.resolve("logs"),
                "x"));

    assertThat(r).isInstanceOf(ProcessResult.NotStarted.class);
    assertThat(((ProcessResult.NotStarted) r).reason()).contains("/no/such/agent-cli");
  }
}
