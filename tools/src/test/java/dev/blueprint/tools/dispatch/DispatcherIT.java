package dev.blueprint.tools.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprint.journal.git.GitCli;
import dev.blueprint.journal.git.QueueOptions;
import dev.blueprint.tools.GitSandbox;
import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.BlueprintReader;
import dev.blueprint.tools.status.Event;
import dev.blueprint.tools.status.EventName;
import dev.blueprint.tools.status.RunState;
import dev.blueprint.tools.status.TaskState;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A markdown blueprint read by the real reader, dispatched on a real repository. */
class DispatcherIT {
  @TempDir Path tmp;
  private Path repo;
  private GitCli git;
  private Map<String, String> env;

  private static final String BLUEPRINT =
      """
      # Demo — Blueprint

      ## Execution Configuration

      ```yaml
      execution:
        shell: bash
        shell_flags: ["-e", "-o", "pipefail"]
        max_parallel_tasks: 2
        resource_locks:
          - name: db
            type: exclusive
        preflight_checks:
          - command: "%s"
            expected_exit_code: 0
            error_message: "README.md must exist"
        secret_resolution:
          on_missing: abort
          sources:
            - type: env
              prefix: "DEMO_"
      ```

      ### T1: Write greeting

      ```yaml
      task_id: T1
      name: "Write greeting"
      status: not_started
      dependencies: []
      command: "echo ${secrets.GREETING} > greeting.txt"
      verification:
        smoke:
          command: "grep -q hello greeting.txt"
      resources:
        locks:
          - name: db
            mode: exclusive
      ```

      ### T2: Shout it

      ```yaml
      task_id: T2
      name: "Shout it"
      status: not_started
      dependencies: [T1]
      command:
        - "tr a-z A-Z < greeting.txt > shout.txt"
        - "cat shout.txt"
      verification:
        smoke:
          command: "grep -q HELLO shout.txt"
      ```
      """;

  @BeforeEach
  void setUp() throws Exception {
    GitSandbox box = GitSandbox.create(tmp, Map.of("README.md", "demo\n"));
    repo = box.repo();
    env = box.env();
    git = box.git();
    env.put("DEMO_GREETING", "hello");
  }

  private Dispatcher open() {
    return Dispatcher.open(
        repo,
        git,
        QueueOptions.defaults()
            .withCommitter(new PersonIdent("Blueprint Test", "bp-test@example.invalid")),
        Clock.systemUTC());
  }

  private Dispatcher.Options options() {
    return new Dispatcher.Options(null, null, "claude", env, Map.of());
  }

  @Test
  void dispatchesAMarkdownBlueprintAndLandsEveryTask() throws Exception {
    Blueprint bp =
        BlueprintReader.readString(BLUEPRINT.formatted("test -f README.md"), "demo.bp.md");
    try (Dispatcher d = open()) {
      String runId = d.start(bp, "main", options());
      RunResult r = d.run(bp, runId, options());

      assertThat(r.state()).isEqualTo(RunState.SUCCEEDED);
      assertThat(r.tasks())
          .containsEntry("T1", TaskState.LANDED)
          .containsEntry("T2", TaskState.LANDED);
      assertThat(git.runOrThrow(repo, "E", "show", "main:shout.txt")).isEqualTo("HELLO\n");
      assertThat(git.runOrThrow(repo, "E", "log", "--format=%s", "main"))
          .isEqualTo("T2: Shout it\nT1: Write greeting\ninitial\n");
      assertThat(d.store().events(runId, 0))
          .extracting(Event::event)
          .contains(EventName.LOCK_ACQUIRED, EventName.BLUEPRINT_COMPLETE);
    }
  }

  @Test
  void aFailedPreflightCheckEndsTheRunBeforeAnyTaskWithItsMessage() throws Exception {
    Blueprint bp =
        BlueprintReader.readString(BLUEPRINT.formatted("test -f MISSING.md"), "demo.bp.md");
    try (Dispatcher d = open()) {
      String runId = d.start(bp, "main", options());
      RunResult r = d.run(bp, runId, options());

      assertThat(r.state()).isEqualTo(RunState.FAILED);
      Event failed = d.store().events(runId, 0).get(d.store().events(runId, 0).size() - 1);
      assertThat(failed.event()).isEqualTo(EventName.BLUEPRINT_FAILED);
      JsonNode error = failed.data().at("/errors/0");
      assertThat(error.get("code").asText()).isEqualTo("E_PREFLIGHT_FAILED");
      assertThat(error.get("message").asText())
          .isEqualTo("README.md must exist (`test -f MISSING.md` exited 1, expected 0)");
      assertThat(d.store().attempts(runId, "T1")).isEmpty();
    }
  }

  @Test
  void aGatedTaskWaitsForApprovalThenItAndItsDependentsLand() throws Exception {
    String gatedBlueprint =
        BLUEPRINT.formatted("true")
            + """

            ### T3: Review

            ```yaml
            task_id: T3
            name: "Review"
            status: not_started
            dependencies: [T2]
            human_required:
              action: approve
              reason: "a person checks the shout"
            command: "echo reviewed > review.txt"
            verification:
              smoke:
                command: "test -f review.txt"
            ```

            ### T4: After review

            ```yaml
            task_id: T4
            name: "After review"
            status: not_started
            dependencies: [T3]
            command: "echo after > after.txt"
            verification:
              smoke:
                command: "test -f after.txt"
            ```
            """;
    Blueprint bp = BlueprintReader.readString(gatedBlueprint, "gated.bp.md");
    try (Dispatcher d = open()) {
      String runId = d.start(bp, "main", options());

      RunResult first = d.run(bp, runId, options());
      assertThat(first.state()).isEqualTo(RunState.RUNNING);
      assertThat(first.tasks())
          .containsEntry("T2", TaskState.LANDED)
          .containsEntry("T3", TaskState.WAITING_HUMAN)
          .containsEntry("T4", TaskState.PENDING);

      d.store().approve(runId, "T3", "alice");
      RunResult second = d.run(bp, runId, options());

      assertThat(second.state()).isEqualTo(RunState.SUCCEEDED);
      assertThat(git.runOrThrow(repo, "E", "show", "main:after.txt")).isEqualTo("after\n");
    }
  }
}
