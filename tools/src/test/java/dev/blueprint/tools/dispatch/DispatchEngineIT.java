package dev.blueprint.tools.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blueprint.journal.git.GitCli;
import dev.blueprint.journal.git.QueueOptions;
import dev.blueprint.journal.git.WorkspacePool;
import dev.blueprint.journal.git.jgit.JGitCommitQueue;
import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.ExecutionConfig;
import dev.blueprint.tools.blueprint.LockMode;
import dev.blueprint.tools.blueprint.ResourceLock;
import dev.blueprint.tools.blueprint.SecretResolution;
import dev.blueprint.tools.blueprint.Task;
import dev.blueprint.tools.blueprint.TestTier;
import dev.blueprint.tools.blueprint.VerificationStep;
import dev.blueprint.tools.dispatch.agents.AgentCatalog;
import dev.blueprint.tools.dispatch.agents.AgentRunner;
import dev.blueprint.tools.dispatch.agents.AgentSelector;
import dev.blueprint.tools.dispatch.agents.ShellConfig;
import dev.blueprint.tools.dispatch.preflight.CapabilityChecker;
import dev.blueprint.tools.dispatch.process.ProcessRunner;
import dev.blueprint.tools.dispatch.secrets.SecretResolver;
import dev.blueprint.tools.status.Event;
import dev.blueprint.tools.status.EventName;
import dev.blueprint.tools.status.RunState;
import dev.blueprint.tools.status.TaskState;
import dev.blueprint.tools.status.sqlite.SqliteRunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.util.FS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real repository (own HOME and git config, fixed author), real workspaces and commit queue, real
 * SQLite store, scripted tasks run by the command agent.
 */
class DispatchEngineIT {
  @TempDir Path tmp;

  private GitCli gitIn(Path home) throws Exception {
    Files.writeString(
        home.resolve(".gitconfig"),
        "[user]\n\tname = Blueprint Test\n\temail = bp-test@example.invalid\n"
            + "[commit]\n\tgpgsign = false\n[init]\n\tdefaultBranch = main\n");
    FS.DETECTED.setUserHome(home.toFile());
    return new GitCli(
        Map.of(
            "HOME", home.toString(),
            "GIT_CONFIG_NOSYSTEM", "1",
            "GIT_CONFIG_GLOBAL", home.resolve(".gitconfig").toString(),
            "GIT_AUTHOR_NAME", "Blueprint Test",
            "GIT_AUTHOR_EMAIL", "bp-test@example.invalid",
            "GIT_COMMITTER_NAME", "Blueprint Test",
            "GIT_COMMITTER_EMAIL", "bp-test@example.invalid"));
  }

  private static VerificationStep smoke(String cmd) {
    return new VerificationStep(TestTier.SMOKE, cmd, null, List.of(), false, 0, 0);
  }

  @Test
  void runsScriptedTasksInParallelLandsTheirWorkAndReportsTheFailure() throws Exception {
    Path home = Files.createDirectories(tmp.resolve("home"));
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    GitCli git = gitIn(home);
    git.runOrThrow(repo, "E", "init", "--quiet", "-b", "main");
    Files.writeString(repo.resolve("README.md"), "hello\n");
    Files.writeString(repo.resolve(".gitignore"), ".blueprint/\n");
    git.runOrThrow(repo, "E", "add", "-A");
    git.runOrThrow(repo, "E", "commit", "--quiet", "-m", "initial");

    List<Task> tasks =
        List.of(
            Task.builder("T1")
                .name("write a")
                .command("echo a > a.txt")
                .lock("db", LockMode.EXCLUSIVE)
                .verification(smoke("test -f a.txt"))
                .build(),
            Task.builder("T2")
                .name("write b from a")
                .dependsOn("T1")
                .command("cat a.txt > b.txt; echo b >> b.txt")
                .verification(smoke("grep -q b b.txt"))
                .build(),
            Task.builder("T3")
                .name("write c")
                .command("mkdir -p sub && echo c > sub/c.txt")
                .lock("db", LockMode.EXCLUSIVE)
                .verification(smoke("test -f sub/c.txt"))
                .build(),
            Task.builder("T4").name("fails").command("echo trying; exit 3").build(),
            Task.builder("T5")
                .name("after the failure")
                .dependsOn("T4")
                .command("echo never > never.txt")
                .build(),
            Task.builder("T6").name("changes nothing").command("true").build());
    ExecutionConfig exec =
        new ExecutionConfig(
            "bash",
            List.of("-e", "-o", "pipefail"),
            2,
            List.of(new ResourceLock("db", LockMode.EXCLUSIVE, 1, 0)),
            List.of(),
            SecretResolution.DEFAULT,
            null,
            0);
    Blueprint bp = Blueprint.of("bp.md", exec, tasks);

    Clock clock = Clock.systemUTC();
    ProcessRunner processes = new ProcessRunner();
    try (SqliteRunStore store = SqliteRunStore.openInRepository(repo, clock, "it");
        JGitCommitQueue queue =
            JGitCommitQueue.open(
                repo,
                QueueOptions.defaults()
                    .withGit(git)
                    .withCommitter(new PersonIdent("Blueprint Test", "bp-test@example.invalid")))) {
      WorkspacePool pool = WorkspacePool.open(repo, git);
      TaskAttemptRunner attempts =
          new TaskAttemptRunner(
              store,
              AgentCatalog.standard(Map.of()),
              new AgentRunner(processes, clock),
              new VerificationRunner(processes, ShellConfig.of(exec), clock),
              new CapabilityChecker(
                  System.getenv("PATH"), processes, tmp.resolve("scratch"), clock),
              SecretResolver.of(SecretResolution.DEFAULT, Map.of(), repo, clock),
              AgentBreakers.defaults(clock),
              clock);
      String runId =
          store.createRun("bp.md", "main", tasks.stream().map(Task::id).toList(), List.of()).id();

      RunResult result =
          new DispatchEngine(store, pool, queue, git, attempts, clock)
              .run(
                  bp,
                  runId,
                  "main",
                  repo,
                  repo.resolve(".blueprint/runs/" + runId + "/logs"),
                  2,
                  new AgentSelector(null, "claude"));

      assertThat(result.state()).isEqualTo(RunState.FAILED);
      assertThat(result.tasks())
          .containsEntry("T1", TaskState.LANDED)
          .containsEntry("T2", TaskState.LANDED)
          .containsEntry("T3", TaskState.LANDED)
          .containsEntry("T4", TaskState.FAILED)
          .containsEntry("T5", TaskState.PENDING)
          .containsEntry("T6", TaskState.FAILED);
      assertThat(git.runOrThrow(repo, "E", "show", "main:b.txt")).isEqualTo("a\nb\n");
      assertThat(git.runOrThrow(repo, "E", "show", "main:sub/c.txt")).isEqualTo("c\n");
      assertThat(git.run(repo, "show", "main:never.txt").ok()).isFalse();
      String log = git.runOrThrow(repo, "E", "log", "--format=%s%n%b", "main");
      assertThat(log).contains("T1: write a", "T2: write b from a", "T3: write c");
      assertThat(log).contains("Blueprint-Run: " + runId, "Blueprint-Task: T2");
      assertThat(store.task(runId, "T4").orElseThrow().error().code().name())
          .isEqualTo("E_EXECUTION_FAILED");
      assertThat(store.task(runId, "T6").orElseThrow().error().message())
          .contains("changed nothing");
      assertThat(store.events(runId, 0))
          .extracting(Event::event)
          .contains(EventName.LOCK_ACQUIRED, EventName.LOCK_RELEASED, EventName.BLUEPRINT_FAILED);
      assertThat(store.run(runId).orElseThrow().state()).isEqualTo(RunState.FAILED);
    }
  }

  @Test
  void resumingARunWhoseProcessDiedRunsTheInterruptedTaskAgainAndNeverALandedOne()
      throws Exception {
    Path home = Files.createDirectories(tmp.resolve("home"));
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    GitCli git = gitIn(home);
    git.runOrThrow(repo, "E", "init", "--quiet", "-b", "main");
    Files.writeString(repo.resolve(".gitignore"), ".blueprint/\n");
    git.runOrThrow(repo, "E", "add", "-A");
    git.runOrThrow(repo, "E", "commit", "--quiet", "-m", "initial");
    List<Task> tasks =
        List.of(
            Task.builder("T1").name("landed before").command("echo again >> landed.txt").build(),
            Task.builder("T2").name("was running").command("echo done > t2.txt").build(),
            Task.builder("T3").name("had succeeded").command("echo done > t3.txt").build());
    Blueprint bp = Blueprint.of("bp.md", ExecutionConfig.empty(), tasks);
    Clock clock = Clock.systemUTC();
    ProcessRunner processes = new ProcessRunner();
    try (SqliteRunStore store = SqliteRunStore.openInRepository(repo, clock, "it");
        JGitCommitQueue queue =
            JGitCommitQueue.open(
                repo,
                QueueOptions.defaults()
                    .withGit(git)
                    .withCommitter(new PersonIdent("Blueprint Test", "bp-test@example.invalid")))) {
      String runId = store.createRun("bp.md", "main", List.of("T1", "T2", "T3"), List.of()).id();
      // What a killed process left behind: T1 landed, T2 mid-attempt, T3 succeeded but not landed.
      store.startAttempt(runId, "T1", "command", null);
      store.finishAttempt(
          runId, "T1", 1, dev.blueprint.tools.status.AttemptOutcome.succeeded(0, null, null, null));
      store.setTaskState(runId, "T1", TaskState.LANDED, null, "landed");
      store.startAttempt(runId, "T2", "command", null);
      store.startAttempt(runId, "T3", "command", null);
      store.finishAttempt(
          runId, "T3", 1, dev.blueprint.tools.status.AttemptOutcome.succeeded(0, null, null, null));

      TaskAttemptRunner attempts =
          new TaskAttemptRunner(
              store,
              AgentCatalog.standard(Map.of()),
              new AgentRunner(processes, clock),
              new VerificationRunner(processes, ShellConfig.DEFAULT, clock),
              new CapabilityChecker(
                  System.getenv("PATH"), processes, tmp.resolve("scratch"), clock),
              SecretResolver.of(SecretResolution.DEFAULT, Map.of(), repo, clock),
              AgentBreakers.defaults(clock),
              clock);
      RunResult result =
          new DispatchEngine(store, WorkspacePool.open(repo, git), queue, git, attempts, clock)
              .run(
                  bp,
                  runId,
                  "main",
                  repo,
                  tmp.resolve("logs"),
                  2,
                  new AgentSelector(null, "claude"));

      assertThat(result.state()).isEqualTo(RunState.SUCCEEDED);
      assertThat(store.attempts(runId, "T1")).hasSize(1);
      assertThat(store.attempts(runId, "T2")).hasSize(2);
      assertThat(store.attempts(runId, "T2").get(0).error().message()).startsWith("interrupted: ");
      assertThat(store.attempts(runId, "T3")).hasSize(2);
      assertThat(git.run(repo, "show", "main:landed.txt").ok()).isFalse();
      assertThat(git.runOrThrow(repo, "E", "show", "main:t2.txt")).isEqualTo("done\n");
      assertThat(git.runOrThrow(repo, "E", "show", "main:t3.txt")).isEqualTo("done\n");
    }
  }
}
