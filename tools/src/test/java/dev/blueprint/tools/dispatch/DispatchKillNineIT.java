package dev.blueprint.tools.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blueprint.journal.git.GitCli;
import dev.blueprint.journal.git.QueueOptions;
import dev.blueprint.tools.GitSandbox;
import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.BlueprintReader;
import dev.blueprint.tools.status.RunState;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dispatch process killed with SIGKILL at random moments, then resumed: every task lands exactly
 * once and the repository stays sound.
 */
class DispatchKillNineIT {
  private static final int TASKS = 8;
  private static final int KILLS = 3;

  @TempDir Path tmp;

  @Test
  void aKilledDispatchResumesWithEveryTaskLandedOnce() throws Exception {
    GitSandbox sandbox = GitSandbox.create(tmp, Map.of());
    Path repo = sandbox.repo();
    GitCli git = sandbox.git();
    // The killed child and the resuming dispatcher see the whole environment plus the sandbox's.
    Map<String, String> env = new HashMap<>(System.getenv());
    env.putAll(sandbox.env());

    StringBuilder md =
        new StringBuilder(
            "# Crash — Blueprint\n\n## Execution Configuration\n\n```yaml\nexecution:\n  max_parallel_tasks: 2\n```\n");
    for (int i = 1; i <= TASKS; i++) {
      md.append("\n### T")
          .append(i)
          .append(": Task ")
          .append(i)
          .append("\n\n```yaml\n")
          .append("task_id: T")
          .append(i)
          .append("\nname: \"Task ")
          .append(i)
          .append("\"\n")
          .append("status: not_started\ndependencies: []\n")
          .append("command: \"sleep 0.3; echo T")
          .append(i)
          .append(" > T")
          .append(i)
          .append(".txt\"\n")
          .append("verification:\n  smoke:\n    command: \"test -f T")
          .append(i)
          .append(".txt\"\n```\n");
    }
    Path bpFile = tmp.resolve("crash.bp.md");
    Files.writeString(bpFile, md.toString());

    Random random = new Random(7);
    String runId = null;
    for (int k = 0; k < KILLS; k++) {
      List<String> cmd =
          new ArrayList<>(
              List.of(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  DispatchCrashChild.class.getName(),
                  repo.toString(),
                  bpFile.toString()));
      if (runId != null) {
        cmd.add(runId);
      }
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
      pb.environment().putAll(env);
      Process p = pb.start();
      try (BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        runId = out.readLine();
      }
      assertThat(runId).hasSize(26);
      if (k == 0) {
        // The first kill comes right after the first landing: mid-run, with work on both sides.
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (landed(git, repo) < 1 && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        Thread.sleep(random.nextInt(200));
      } else {
        Thread.sleep(300 + random.nextInt(1500));
      }
      p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
      p.toHandle().destroyForcibly();
      p.waitFor();
      if (k == 0) {
        assertThat(landed(git, repo)).as("landed before the first kill").isBetween(1, TASKS - 1);
      }
    }

    Blueprint bp = BlueprintReader.readFile(bpFile);
    try (Dispatcher d =
        Dispatcher.open(
            repo,
            git,
            QueueOptions.defaults()
                .withCommitter(new PersonIdent("Blueprint Test", "bp-test@example.invalid")),
            Clock.systemUTC())) {
      RunResult r = d.run(bp, runId, new Dispatcher.Options(null, null, "claude", env, Map.of()));
      assertThat(r.state())
          .as(
              () ->
                  d.store().tasks(r.runId()).stream()
                      .map(
                          t ->
                              t.taskId()
                                  + "="
                                  + t.state().wire()
                                  + (t.error() == null ? "" : " " + t.error().message()))
                      .toList()
                      .toString())
          .isEqualTo(RunState.SUCCEEDED);
    }
    List<String> subjects =
        Arrays.asList(git.runOrThrow(repo, "E", "log", "--format=%s", "main").strip().split("\n"));
    for (int i = 1; i <= TASKS; i++) {
      assertThat(subjects).as("T" + i).containsOnlyOnce("T" + i + ": Task " + i);
      assertThat(git.runOrThrow(repo, "E", "show", "main:T" + i + ".txt"))
          .isEqualTo("T" + i + "\n");
    }
    assertThat(subjects).hasSize(TASKS + 1);
    assertThat(git.run(repo, "fsck", "--no-progress").ok()).isTrue();
  }

  private static int landed(GitCli git, Path repo) {
    String log = git.runOrThrow(repo, "E", "log", "--format=%s", "main").strip();
    return log.split("\n").length - 1;
  }
}
