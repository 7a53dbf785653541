package dev.blueprint.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.util.FS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bp demo} end to end: a real repository, 12 real scripted tasks, the real report. */
class DemoCommandIT {
  @TempDir Path tmp;

  @Test
  void runsTheSampleBlueprintLandsElevenAndReportsTheOneFailingTask() throws Exception {
    Path home = Files.createDirectories(tmp.resolve("home"));
    Files.writeString(home.resolve("gitconfig"), "");
    FS.DETECTED.setUserHome(home.toFile());
    JGitIsolation.apply(home);
    Path dir = tmp.resolve("demo");

    CliRun run = CliRun.of("demo", "--dir", dir.toString());

    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    assertThat(run.out())
        .contains("demo repository: " + dir.toRealPath())
        .contains("11 of 12 tasks landed")
        .contains("problems (1):")
        .contains("C3 failed after 1 attempt")
        .contains("E_EXECUTION_FAILED")
        .contains("commits landed (11):")
        .contains("As designed: C3 fails on purpose")
        .contains("journal: " + dir.toRealPath().resolve("sessions"))
        .contains("committed as ");
    assertThat(run.err()).contains("C3 failed: E_EXECUTION_FAILED", "D1 landed", "B1 running");
    assertThat(Files.readString(dir.resolve("docs/api.md")))
        .isEqualTo("# API\n\n- GET /users\n- GET /orders\n");
    ProcessBuilder pb =
        new ProcessBuilder("git", "rev-list", "--count", "main").directory(dir.toFile());
    Process p = pb.start();
    String count = new String(p.getInputStream().readAllBytes()).strip();
    assertThat(p.waitFor()).isZero();
    assertThat(count).isEqualTo("13"); // the demo blueprint commit + 11 tasks + the journal
    ProcessBuilder last =
        new ProcessBuilder("git", "log", "-1", "--format=%s", "main").directory(dir.toFile());
    Process l = last.start();
    assertThat(new String(l.getInputStream().readAllBytes()).strip())
        .startsWith("journal: sessions/");
    assertThat(l.waitFor()).isZero();

    assertThat(CliRun.of("demo", "--dir", dir.toString()).exit()).isEqualTo(2);
  }
}
