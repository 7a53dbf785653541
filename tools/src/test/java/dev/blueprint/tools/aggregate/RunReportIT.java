package dev.blueprint.tools.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blueprint.journal.git.GitCli;
import dev.blueprint.journal.git.QueueOptions;
import dev.blueprint.journal.session.JournalPublisher;
import dev.blueprint.journal.session.WrittenJournal;
import dev.blueprint.tools.GitSandbox;
import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.BlueprintReader;
import dev.blueprint.tools.dispatch.Dispatcher;
import dev.blueprint.tools.status.ErrorCode;
import dev.blueprint.tools.status.TaskState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real run on a real repository, with one task that fails, reported and journaled. */
class RunReportIT {
  @TempDir Path tmp;
  private Path repo;
  private GitCli git;
  private Map<String, String> env;

  private static final String BLUEPRINT =
      """
      # Report — Blueprint

      ## Execution Configuration

      ```yaml
      execution:
        shell: bash
        max_parallel_tasks: 2
      ```

      ### T1: Write one

      ```yaml
      task_id: T1
      name: "Write one"
      status: not_started
      dependencies: []
      command: "echo one > one.txt"
      verification:
        smoke:
          command: "test -f one.txt"
      ```

      ### T2: Break

      ```yaml
      task_id: T2
      name: "Break"
      status: not_started
      dependencies: []
      command: "echo trying; exit 3"
      on_failure:
        action: block
        max_retries: 0
      ```

      ### T3: After the break

      ```yaml
      task_id: T3
      name: "After the break"
      status: not_started
      dependencies: [T2]
      command: "echo three > three.txt"
      verification:
        smoke:
          command: "test -f three.txt"
      ```
      """;

  @BeforeEach
  void setUp() throws Exception {
    GitSandbox box = GitSandbox.create(tmp, Map.of("README.md", "demo\n"));
    repo = box.repo();
    env = box.env();
    git = box.git();
  }

  @Test
  void listsTheFailedAndTheStrandedTaskWithErrorsAndTheCommitThatLandedAndWritesAJournal()
      throws Exception {
    Blueprint bp = BlueprintReader.readString(BLUEPRINT, "report.bp.md");
    String runId;
    try (Dispatcher d =
        Dispatcher.open(
            repo,
            git,
            QueueOptions.defaults()
                .withCommitter(new PersonIdent("Blueprint Test", "bp-test@example.invalid")),
            Clock.systemUTC())) {
      Dispatcher.Options o = new Dispatcher.Options(null, null, "claude", env, Map.of());
      runId = d.start(bp, "main", o);
      d.run(bp, runId, o);

      RunReport r = new RunReportReader(d.store(), git, repo).report(runId).orElseThrow();

      assertThat(r.successful()).isFalse();
      assertThat(r.landed()).isEqualTo(1);
      assertThat(r.scheduled()).isEqualTo(3);
      assertThat(r.problems()).extracting(RunReport.Problem::taskId).containsExactly("T2", "T3");
      RunReport.Problem broke = r.problems().get(0);
      assertThat(broke.state()).isEqualTo(TaskState.FAILED);
      assertThat(broke.error().code()).isEqualTo(ErrorCode.E_EXECUTION_FAILED);
      assertThat(broke.error().details().exitCode()).isEqualTo(3);
      assertThat(r.problems().get(1).error()).isNotNull();
      assertThat(r.commits()).hasSize(1);
      assertThat(r.commits().get(0).subject()).isEqualTo("T1: Write one");
      assertThat(r.commits().get(0).sha())
          .isEqualTo(git.runOrThrow(repo, "E", "rev-parse", "main").strip());
      assertThat(r.agents()).extracting(RunReport.AgentUsage::agent).containsExactly("command");
      assertThat(RunReportText.render(r)).contains("T2 failed after 1 attempt");

      WrittenJournal j =
          new RunJournal(repo, git, env, Clock.systemUTC(), JournalPublisher.NONE).write(r);
      assertThat(j.file()).startsWith(repo.resolve("sessions"));
      String text = Files.readString(j.file());
      assertThat(text).contains(runId).contains("T2 failed").contains("T1: Write one");
    }
  }
}
