package dev.blueprint.tools.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blueprint.journal.git.GitCli;
import dev.blueprint.journal.git.QueueOptions;
import dev.blueprint.journal.git.WorkspacePool;
import dev.blueprint.journal.git.jgit.JGitCommitQueue;
import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.ExecutionConfig;
import dev.blueprint.tools.blueprint.FailureAction;
import dev.blueprint.tools.blueprint.OnFailure;
import dev.blueprint.tools.blueprint.SecretResolution;
import dev.blueprint.tools.blueprint.Task;
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
 * {@code on_failure.fallback_task} on a real repository (own HOME and git config), real workspaces,
 * commit queue and SQLite store, with scripted tasks run by the command agent.
 */
class DispatchFallbackIT {
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

  private static OnFailure fallbackTo(String task) {
    return new OnFailure(0, null, FailureAction.BLOCK, task, 0);
  }

  @Test
  void landedFallbackLetsTheDependentLandAndAFailedFallbackBlocksIt() throws Exception {
    Path home = Files.createDirectories(tmp.resolve("home"));
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    Path counter = tmp.resolve("f1-runs.txt");
    GitCli git = gitIn(home);
    git.runOrThrow(repo, "E", "init", "--quiet", "-b", "main");
    Files.writeString(repo.resolve("README.md"), "hello\n");
    Files.writeString(repo.resolve(".gitignore"), ".blueprint/\n");
    git.runOrThrow(repo, "E", "add", "-A");
    git.runOrThrow(repo, "E", "commit", "--quiet", "-m", "initial");

    List<Task> tasks =
        List.of(
            Task.builder("T1")
                .name("fails, has a fallback that lands")
                .command("exit 3")
                .onFailure(fallbackTo("F1"))
                .build(),
            // F1 depends on T1, so only its role as fallback can start it.
            Task.builder("F1")
                .name("the fallback")
                .dependsOn("T1")
                .command("echo fixed > fixed.txt; echo run >> '" + counter + "'")
                .build(),
            Task.builder("T2")
                .name("after T1")
                .dependsOn("T1")
                .command("cat fixed.txt > t2.txt")
                .build(),
            Task.builder("T3")
                .name("fails, its fallback fails too")
                .command("exit 3")
                .onFailure(fallbackTo("F2"))
                .build(),
            Task.builder("F2").name("a failing fallback").command("exit 4").build(),
            Task.builder("T4")
                .name("after T3")
                .dependsOn("T3")
                .command("echo never > never.txt")
                .build());
    ExecutionConfig exec =
        new ExecutionConfig(
            "bash",
            List.of("-e", "-o", "pipefail"),
            2,
            List.of(),
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
              // Three scripted failures would open the default breaker (5 min pause) for the
              // command agent; this test is about fallbacks, not the breaker.
              new AgentBreakers(10, 10, java.time.Duration.ofMinutes(5), clock),
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

      assertThat(result.tasks())
          .containsEntry("T1", TaskState.FAILED)
          .containsEntry("F1", TaskState.LANDED)
          .containsEntry("T2", TaskState.LANDED)
          .containsEntry("T3", TaskState.FAILED)
          .containsEntry("F2", TaskState.FAILED)
          .containsEntry("T4", TaskState.PENDING);
      assertThat(result.state()).isEqualTo(RunState.FAILED);
      assertThat(Files.readAllLines(counter)).containsExactly("run");
      assertThat(git.runOrThrow(repo, "E", "show", "main:t2.txt")).isEqualTo("fixed\n");
      assertThat(git.run(repo, "show", "main:never.txt").ok()).isFalse();
      List<Event> events = store.events(runId, 0);
      assertThat(events)
          .anySatisfy(
              e -> {
                assertThat(e.event()).isEqualTo(EventName.TASK_COMPLETE);
                assertThat(e.taskId()).isEqualTo("F1");
                assertThat(e.data().path("replaced").asText()).isEqualTo("T1");
              })
          .anySatisfy(
              e -> {
                assertThat(e.event()).isEqualTo(EventName.TASK_START);
                assertThat(e.taskId()).isEqualTo("F1");
                assertThat(e.data().path("fallback_for").asText()).isEqualTo("T1");
              })
          .anySatisfy(
              e -> {
                assertThat(e.event()).isEqualTo(EventName.TASK_FAILED);
                assertThat(e.taskId()).isEqualTo("T3");
                assertThat(e.data().path("fallback_task").asText()).isEqualTo("F2");
              });
    }
  }
}
