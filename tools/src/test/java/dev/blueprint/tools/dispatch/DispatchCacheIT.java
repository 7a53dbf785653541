package dev.blueprint.tools.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.blueprint.journal.git.GitCli;
import dev.blueprint.journal.git.QueueOptions;
import dev.blueprint.tools.GitSandbox;
import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.BlueprintReader;
import dev.blueprint.tools.status.Attempt;
import dev.blueprint.tools.status.Event;
import dev.blueprint.tools.status.EventName;
import dev.blueprint.tools.status.RunState;
import dev.blueprint.tools.status.TaskState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deterministic cache ({@code --cache}) on a real repository and run store: the task's command
 * appends to a counter file outside the repository, so the counter proves whether it ran.
 */
class DispatchCacheIT {
  @TempDir Path tmp;
  private Path repo;
  private Path counter;
  private GitCli git;
  private Map<String, String> env;
  private String initial;

  private static final String BLUEPRINT =
      """
      # Cache — Blueprint

      ## Execution Configuration

      ```yaml
      execution:
        shell: bash
        shell_flags: ["-e", "-o", "pipefail"]
      ```

      ### T1: Generate

      ```yaml
      task_id: T1
      name: "Generate"
      status: not_started
      dependencies: []
      command: "echo ran >> %s && mkdir -p gen && echo '%s' > gen/out.txt && rm old.txt"
      verification:
        smoke:
          command: "echo verified >> %s"
      ```
      """;

  @BeforeEach
  void setUp() throws Exception {
    counter = tmp.resolve("counter.txt");
    GitSandbox box =
        GitSandbox.create(tmp, Map.of("README.md", "cache\n", "old.txt", "to be deleted by T1\n"));
    repo = box.repo();
    env = box.env();
    git = box.git();
    initial = git.runOrThrow(repo, "E", "rev-parse", "HEAD").strip();
  }

  private Blueprint blueprint(String output) {
    return BlueprintReader.readString(
        BLUEPRINT.formatted(counter, output, tmp.resolve("verified.txt")), "cache.bp.md");
  }

  private Dispatcher.Options options(boolean cache) {
    return new Dispatcher.Options(null, null, "claude", env, Map.of()).withCache(cache);
  }

  private RunResult dispatch(Blueprint bp, Dispatcher.Options o) throws Exception {
    try (Dispatcher d =
        Dispatcher.open(
            repo,
            git,
            QueueOptions.defaults()
                .withCommitter(new PersonIdent("Blueprint Test", "bp-test@example.invalid")),
            Clock.systemUTC())) {
      String runId = d.start(bp, "main", o);
      return d.run(bp, runId, o);
    }
  }

  private List<Event> events(String runId) {
    try (Dispatcher d = Dispatcher.open(repo, git, QueueOptions.defaults(), Clock.systemUTC())) {
      return d.store().events(runId, 0);
    }
  }

  /** Puts main (and the checkout) back to the first commit, so the base tree is as before. */
  private void resetMain() {
    git.runOrThrow(repo, "E", "reset", "--quiet", "--hard", initial);
  }

  private long runs() throws Exception {
    return Files.exists(counter) ? Files.readAllLines(counter).size() : 0;
  }

  @Test
  void aSecondRunWithCacheReusesTheResultWithoutRunningTheCommandOrVerification() throws Exception {
    RunResult first = dispatch(blueprint("v1"), options(true));
    assertThat(first.state()).isEqualTo(RunState.SUCCEEDED);
    assertThat(runs()).isEqualTo(1);
    assertThat(Files.readAllLines(tmp.resolve("verified.txt"))).hasSize(1);
    resetMain();
    // A gc after the first run must not lose the remembered commit: its ref keeps it.
    git.runOrThrow(repo, "E", "gc", "--quiet", "--prune=now");

    RunResult second = dispatch(blueprint("v1"), options(true));

    assertThat(second.state()).isEqualTo(RunState.SUCCEEDED);
    assertThat(second.tasks()).containsEntry("T1", TaskState.LANDED);
    assertThat(runs()).as("the command did not run again").isEqualTo(1);
    assertThat(Files.readAllLines(tmp.resolve("verified.txt"))).hasSize(1);
    assertThat(git.runOrThrow(repo, "E", "show", "main:gen/out.txt")).isEqualTo("v1\n");
    assertThat(git.run(repo, "cat-file", "-e", "main:old.txt").ok())
        .as("the cached result's deletion landed too")
        .isFalse();
    assertThat(git.runOrThrow(repo, "E", "log", "--format=%s", "main"))
        .isEqualTo("T1: Generate\ninitial\n");
    List<Event> events = events(second.runId());
    Event cached =
        events.stream().filter(e -> e.data().path("cached").asBoolean()).findFirst().orElseThrow();
    assertThat(cached.event()).isEqualTo(EventName.TASK_COMPLETE);
    assertThat(cached.data().get("state").asText()).isEqualTo("cached");
    assertThat(cached.taskId()).isEqualTo("T1");
    assertThat(cached.data().get("from_run").asText()).isEqualTo(first.runId());
    assertThat(git.runOrThrow(repo, "E", "for-each-ref", "refs/blueprint/cache/"))
        .contains(cached.data().get("commit").asText());
    try (Dispatcher d = Dispatcher.open(repo, git, QueueOptions.defaults(), Clock.systemUTC())) {
      Attempt a = d.store().attempts(second.runId(), "T1").get(0);
      assertThat(a.costUsd()).isEqualTo(0.0);
      assertThat(a.exitCode()).as("nothing ran").isNull();
    }
  }

  @Test
  void aChangedTaskSpecRunsAgain() throws Exception {
    dispatch(blueprint("v1"), options(true));
    resetMain();

    RunResult second = dispatch(blueprint("v2"), options(true));

    assertThat(second.state()).isEqualTo(RunState.SUCCEEDED);
    assertThat(runs()).isEqualTo(2);
    assertThat(git.runOrThrow(repo, "E", "show", "main:gen/out.txt")).isEqualTo("v2\n");
    assertThat(events(second.runId())).noneMatch(e -> e.data().path("cached").asBoolean());
  }

  @Test
  void aChangedBaseTreeRunsAgain() throws Exception {
    dispatch(blueprint("v1"), options(true));
    resetMain();
    Files.writeString(repo.resolve("other.txt"), "a change under the task\n");
    git.runOrThrow(repo, "E", "add", "other.txt");
    git.runOrThrow(repo, "E", "commit", "--quiet", "-m", "other");

    RunResult second = dispatch(blueprint("v1"), options(true));

    assertThat(second.state()).isEqualTo(RunState.SUCCEEDED);
    assertThat(runs()).isEqualTo(2);
    assertThat(git.runOrThrow(repo, "E", "show", "main:other.txt"))
        .isEqualTo("a change under the task\n");
  }

  @Test
  void aChangedModelOfTheAgentRunsAgain() throws Exception {
    dispatch(withCommandModel(blueprint("v1"), "model-a"), options(true));
    resetMain();

    dispatch(withCommandModel(blueprint("v1"), "model-a"), options(true));
    assertThat(runs()).as("same agent and model: reused").isEqualTo(1);
    resetMain();

    RunResult third = dispatch(withCommandModel(blueprint("v1"), "model-b"), options(true));

    assertThat(third.state()).isEqualTo(RunState.SUCCEEDED);
    assertThat(runs()).isEqualTo(2);
  }

  @Test
  void aChangedAgentRunsAgain() throws Exception {
    dispatch(blueprint("v1"), options(true));
    resetMain();
    // Another agent family (aider's adapter) pointed at a script standing in for the CLI: it
    // counts its run and writes the same file.
    Path fakeAider = tmp.resolve("fake-aider");
    Files.writeString(
        fakeAider,
        "#!/bin/bash\necho ran >> " + counter + "\nmkdir -p gen && echo v1 > gen/out.txt\n");
    Files.setPosixFilePermissions(fakeAider, PosixFilePermissions.fromString("rwxr-xr-x"));
    Dispatcher.Options aider =
        new Dispatcher.Options(null, "aider", "claude", env, Map.of("aider", fakeAider.toString()))
            .withCache(true);

    RunResult second = dispatch(blueprint("v1"), aider);

    assertThat(second.tasks()).containsEntry("T1", TaskState.LANDED);
    assertThat(runs()).isEqualTo(2);
    assertThat(events(second.runId())).noneMatch(e -> e.data().path("cached").asBoolean());
  }

  @Test
  void withoutCacheTheCommandAlwaysRuns() throws Exception {
    dispatch(blueprint("v1"), options(true));
    resetMain();

    RunResult second = dispatch(blueprint("v1"), options(false));

    assertThat(second.state()).isEqualTo(RunState.SUCCEEDED);
    assertThat(runs()).isEqualTo(2);
    assertThat(Files.readAllLines(tmp.resolve("verified.txt"))).hasSize(2);
  }

  private static Blueprint withCommandModel(Blueprint bp, String model) {
    ObjectNode extras =
        bp.extras() == null ? JsonNodeFactory.instance.objectNode() : bp.extras().deepCopy();
    extras
        .putObject("agent_registry")
        .putObject("command")
        .putArray("models")
        .addObject()
        .put("id", model);
    return new Blueprint(
        bp.source(),
        bp.form(),
        bp.title(),
        bp.metadata(),
        bp.execution(),
        bp.tiers(),
        bp.tasks(),
        bp.declaredGraph(),
        extras,
        bp.readDiagnostics());
  }
}
