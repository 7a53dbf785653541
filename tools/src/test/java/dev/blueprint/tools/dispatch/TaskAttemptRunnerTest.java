package dev.blueprint.tools.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.ExecutionConfig;
import dev.blueprint.tools.blueprint.FailureAction;
import dev.blueprint.tools.blueprint.OnFailure;
import dev.blueprint.tools.blueprint.SecretResolution;
import dev.blueprint.tools.blueprint.Task;
import dev.blueprint.tools.blueprint.TestTier;
import dev.blueprint.tools.blueprint.VerificationStep;
import dev.blueprint.tools.dispatch.agents.AgentCatalog;
import dev.blueprint.tools.dispatch.agents.AgentRunner;
import dev.blueprint.tools.dispatch.agents.FakeAgentsForOtherPackages;
import dev.blueprint.tools.dispatch.agents.ShellConfig;
import dev.blueprint.tools.dispatch.preflight.CapabilityChecker;
import dev.blueprint.tools.dispatch.process.ProcessRunner;
import dev.blueprint.tools.dispatch.secrets.SecretResolver;
import dev.blueprint.tools.status.Attempt;
import dev.blueprint.tools.status.ErrorCode;
import dev.blueprint.tools.status.Event;
import dev.blueprint.tools.status.EventName;
import dev.blueprint.tools.status.TaskState;
import dev.blueprint.tools.status.TestClock;
import dev.blueprint.tools.status.sqlite.SqliteRunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One attempt of a task, end to end on a real SQLite store, real bash and fake agent CLIs. */
class TaskAttemptRunnerTest {
  @TempDir Path root;
  private final TestClock clock = new TestClock(Instant.parse("2026-11-21T18:00:00Z"));
  private SqliteRunStore store;
  private Path ws;
  private Path logs;
  private AgentBreakers breakers;

  @BeforeEach
  void setUp() throws Exception {
    store = SqliteRunStore.openInRepository(root, clock, "test");
    ws = Files.createDirectories(root.resolve("ws"));
    logs = root.resolve("logs");
    breakers = new AgentBreakers(2, 1, Duration.ofMinutes(5), clock);
  }

  @AfterEach
  void tearDown() {
    store.close();
  }

  private TaskAttemptRunner runner(String onMissing, Map<String, String> env) throws Exception {
    ProcessRunner processes = new ProcessRunner();
    return new TaskAttemptRunner(
        store,
        AgentCatalog.standard(FakeAgentsForOtherPackages.installInto(root.resolve("bin"))),
        new AgentRunner(processes, clock),
        new VerificationRunner(processes, ShellConfig.DEFAULT, clock),
        new CapabilityChecker(System.getenv("PATH"), processes, root.resolve("scratch"), clock),
        SecretResolver.of(new SecretResolution(onMissing, List.of()), env, root, clock),
        breakers,
        clock);
  }

  private String run(Task... tasks) {
    return store
        .createRun(
            "bp.md", "main", java.util.Arrays.stream(tasks).map(Task::id).toList(), List.of())
        .id();
  }

  private static Blueprint blueprint(Task... tasks) {
    return Blueprint.of("bp.md", ExecutionConfig.empty(), List.of(tasks));
  }

  private static VerificationStep unit(String cmd) {
    return new VerificationStep(TestTier.UNIT, cmd, null, List.of(), false, 0, 0);
  }

  @Test
  void aScriptedTaskThatPassesVerificationSucceedsAndIsRecorded() throws Exception {
    Task t =
        Task.builder("T1")
            .command("echo \"${secrets.TOKEN}\" > token.txt")
            .verification(unit("grep -q s3cret token.txt"))
            .build();
    String runId = run(t);

    AttemptReport r =
        runner("abort", Map.of("TOKEN", "s3cret"))
            .run(runId, blueprint(t), t, "command", ws, logs, Map.of());

    assertThat(r).isInstanceOf(AttemptReport.Succeeded.class);
    assertThat(((AttemptReport.Succeeded) r).unverified()).isFalse();
    assertThat(Files.readString(ws.resolve("token.txt"))).isEqualTo("s3cret\n");
    assertThat(store.task(runId, "T1").orElseThrow().state()).isEqualTo(TaskState.SUCCEEDED);
    Attempt a = store.attempts(runId, "T1").get(0);
    assertThat(a.exitCode()).isZero();
    assertThat(a.logPath()).isEqualTo(logs.resolve("T1-1.stdout.log").toString());
    assertThat(store.events(runId, 0))
        .extracting(Event::event)
        .containsExactly(EventName.BLUEPRINT_START, EventName.TASK_START, EventName.TASK_COMPLETE);
  }

  @Test
  void aFailedVerificationIsRetriedThenGivesUpWithTheTaskAction() throws Exception {
    Task t =
        Task.builder("T1")
            .command("echo attempt >> attempts.txt")
            .verification(unit("test $(wc -l < attempts.txt) -ge 5"))
            .onFailure(new OnFailure(1, "PT3S", FailureAction.SKIP, null, 0))
            .build();
    String runId = run(t);
    TaskAttemptRunner runner = runner("abort", Map.of());

    AttemptReport first = runner.run(runId, blueprint(t), t, "command", ws, logs, Map.of());
    assertThat(first).isInstanceOf(AttemptReport.WillRetry.class);
    assertThat(((AttemptReport.WillRetry) first).delay()).isEqualTo(Duration.ofSeconds(3));
    assertThat(store.task(runId, "T1").orElseThrow().state()).isEqualTo(TaskState.PENDING);

    AttemptReport second = runner.run(runId, blueprint(t), t, "command", ws, logs, Map.of());
    assertThat(second).isInstanceOf(AttemptReport.GaveUp.class);
    AttemptReport.GaveUp g = (AttemptReport.GaveUp) second;
    assertThat(g.action()).isEqualTo(FailureAction.SKIP);
    assertThat(g.error().code()).isEqualTo(ErrorCode.E_VERIFICATION_FAILED);
    assertThat(g.error().retryInfo().attempt()).isEqualTo(2);
    assertThat(g.error().retryInfo().maxAttempts()).isEqualTo(2);
    assertThat(g.error().retryInfo().willRetry()).isFalse();
    assertThat(store.task(runId, "T1").orElseThrow().state()).isEqualTo(TaskState.FAILED);
    assertThat(store.attempts(runId, "T1")).hasSize(2);
  }

  @Test
  void aMissingSecretSkipsOrAbortsBeforeAnythingStarts() throws Exception {
    Task t = Task.builder("T1").command("echo ${secrets.NOPE}").build();
    String runId = run(t);

    AttemptReport skipped =
        runner("skip_task", Map.of()).run(runId, blueprint(t), t, "command", ws, logs, Map.of());
    assertThat(skipped).isInstanceOf(AttemptReport.Skipped.class);
    assertThat(store.task(runId, "T1").orElseThrow().state()).isEqualTo(TaskState.SKIPPED);
    assertThat(store.attempts(runId, "T1")).isEmpty();

    String run2 = run(t);
    AttemptReport aborted =
        runner("abort", Map.of()).run(run2, blueprint(t), t, "command", ws, logs, Map.of());
    assertThat(((AttemptReport.AbortRun) aborted).error().code())
        .isEqualTo(ErrorCode.E_SECRET_MISSING);
  }

  @Test
  void aMissingCapabilityFailsTheTaskBeforeAnyAgentStarts() throws Exception {
    Task t =
        Task.builder("T1").command("touch started").requiredCapability("no-such-tool>=1").build();
    String runId = run(t);

    AttemptReport r =
        runner("abort", Map.of()).run(runId, blueprint(t), t, "command", ws, logs, Map.of());

    assertThat(((AttemptReport.GaveUp) r).error().code()).isEqualTo(ErrorCode.E_CAPABILITY_MISSING);
    assertThat(Files.exists(ws.resolve("started"))).isFalse();
    assertThat(store.attempts(runId, "T1")).isEmpty();
    assertThat(store.task(runId, "T1").orElseThrow().state()).isEqualTo(TaskState.FAILED);
  }

  @Test
  void aHangingAgentTimesOutAndItsBreakerStopsFurtherWork() throws Exception {
    Task t = Task.builder("T1").name("hang").timeout("1").build();
    Task u = Task.builder("T2").name("next").build();
    String runId = run(t, u);
    TaskAttemptRunner runner = runner("abort", Map.of());
    // The runner gives the agent only secrets as environment: the mode goes in a file instead.
    Files.writeString(root.resolve("bin/fake-mode"), "hang");

    AttemptReport r = runner.run(runId, blueprint(t, u), t, "claude", ws, logs, Map.of());

    assertThat(r).isInstanceOf(AttemptReport.GaveUp.class);
    assertThat(((AttemptReport.GaveUp) r).error().code()).isEqualTo(ErrorCode.E_TIMEOUT);
    assertThat(store.task(runId, "T1").orElseThrow().state()).isEqualTo(TaskState.TIMED_OUT);
    AttemptReport paused = runner.run(runId, blueprint(t, u), u, "claude", ws, logs, Map.of());
    assertThat(paused).isInstanceOf(AttemptReport.AgentPaused.class);
    assertThat(((AttemptReport.AgentPaused) paused).why()).startsWith("agent claude is paused");
    assertThat(store.attempts(runId, "T2")).isEmpty();
  }
}
