package dev.blueprint.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs followed after {@code dispatch} answers, by the official TypeScript SDK client ({@code
 * src/test/node/runs.mjs}) against {@code bp serve} on a real repository with the {@code command}
 * agent: resource subscriptions and {@code resources/updated}, runs appearing in {@code
 * resources/list}, log messages at the session's level, and {@code dispatch {wait: true}} with
 * progress; over stdio and Streamable HTTP.
 */
class RunNotificationsIT {
  @TempDir Path tmp;

  private static String task(String id, String command, String deps, String onFailure) {
    return "### "
        + id
        + ": "
        + id
        + "\n\n```yaml\ntask_id: "
        + id
        + "\nname: \""
        + id
        + "\"\nstatus: not_started\ndependencies: "
        + deps
        + "\ncommand: \""
        + command
        + "\"\n"
        + onFailure
        + "```\n\n";
  }

  private static String blueprint(String title, String... tasks) {
    return "# "
        + title
        + " — Blueprint\n\n## Execution Configuration\n\n```yaml\nexecution:\n  shell: bash\n"
        + "  max_parallel_tasks: 2\n```\n\n"
        + String.join("", tasks);
  }

  private GitTestRepo repository() throws Exception {
    GitTestRepo repo = new GitTestRepo(tmp);
    repo.write(".gitignore", ".blueprint/\n");
    String block = "on_failure:\n  action: block\n  max_retries: 0\n";
    repo.write(
        "follow.bp.md",
        blueprint(
            "Follow",
            task("T1", "sleep 1; echo one > one.txt", "[]", ""),
            task("T2", "sleep 1; echo no >&2; exit 5", "[]", block),
            task("T3", "echo three > three.txt", "[T1]", "")));
    repo.write(
        "wait.bp.md",
        blueprint(
            "Wait",
            task("W1", "sleep 0.5; echo w1 > w1.txt", "[]", ""),
            task("W2", "sleep 1; echo w2 > w2.txt", "[]", ""),
            task("W3", "echo w3 > w3.txt", "[W1]", "")));
    repo.write("shell.bp.md", blueprint("Shell", task("S1", "sleep 1; echo s > s1.txt", "[]", "")));
    repo.git("add", "-A");
    repo.git("commit", "-q", "-m", "blueprints");
    return repo;
  }

  private static List<String> texts(JsonNode messages, String level) {
    List<String> out = new ArrayList<>();
    messages.forEach(
        m -> {
          if (level == null || m.path("level").asText().equals(level)) {
            out.add(m.path("data").asText());
          }
        });
    return out;
  }

  private static void assertProgressClimbsToTotal(JsonNode wait, int total) {
    JsonNode progress = wait.path("progress");
    assertThat(progress.size()).as(wait.toString()).isGreaterThanOrEqualTo(2);
    double last = -1;
    for (JsonNode p : progress) {
      assertThat(p.path("progress").asDouble()).as(progress.toString()).isGreaterThan(last);
      assertThat(p.path("total").asInt()).isEqualTo(total);
      last = p.path("progress").asDouble();
    }
    assertThat(last).isEqualTo(total);
    assertThat(progress.get(progress.size() - 1).path("message").asText()).isNotBlank();
  }

  @Test
  void overStdioSubscribersSeeRunsChangeRunsAppearAndTheDispatcherHearsEveryStep()
      throws Exception {
    GitTestRepo repo = repository();
    Map<String, Object> plan = new LinkedHashMap<>();
    plan.put("server_env", repo.env);
    plan.put("log_level", "info");
    plan.put("dispatch", Map.of("path", "follow.bp.md"));
    List<String> shell =
        new ArrayList<>(ServerProcess.command("dispatch", "-C", repo.dir.toString()));
    shell.add("shell.bp.md");
    shell.add(1, "-Duser.home=" + repo.home);
    plan.put("shell_dispatch", shell);
    plan.put("wait_dispatch", Map.of("path", "wait.bp.md"));
    // an untracked blueprint, so the edit touches nothing a run lands
    repo.write("notes/extra.bp.md", blueprint("Extra", task("X1", "true", "[]", "")));
    plan.put(
        "edit",
        Map.of(
            "uri", "bp://blueprints/notes/extra.bp.md",
            "path", repo.dir.resolve("notes/extra.bp.md").toString(),
            "text", "\n<!-- edited -->\n"));
    List<String> transport = new ArrayList<>(List.of("--stdio"));
    transport.addAll(repo.serveCommand(repo.dir));

    JsonNode out = NodeClient.run("runs.mjs", tmp, plan, Map.of(), transport);

    assertThat(out.at("/capabilities/resources/subscribe").asBoolean()).isTrue();
    assertThat(out.at("/capabilities/resources/listChanged").asBoolean()).isTrue();
    String runId = out.at("/dispatch/structured/run_id").asText();
    String uri = "bp://runs/" + runId;
    assertThat(out.at("/dispatch/is_error").asBoolean()).as(out.toString()).isFalse();
    assertThat(out.path("resources_before").toString()).doesNotContain("bp://runs/");
    assertThat(out.path("resources_after_dispatch").toString()).contains(uri);

    // updates for the subscribed run arrived while it ran, and the last read shows its end
    List<JsonNode> updates = new ArrayList<>();
    out.path("updated").forEach(u -> updates.add(u));
    assertThat(updates).anyMatch(u -> u.path("uri").asText().equals(uri));
    JsonNode followed = out.at("/runs/dispatched");
    assertThat(followed.path("reads").size()).isGreaterThanOrEqualTo(1);
    assertThat(followed.at("/final/state").asText()).isEqualTo("failed");
    assertThat(followed.at("/final/counts/landed").asInt()).isEqualTo(2);
    assertThat(followed.at("/final/counts/failed").asInt()).isEqualTo(1);

    // the session that dispatched heard each step, failures as errors
    JsonNode messages = out.path("messages");
    assertThat(messages.findValuesAsText("logger")).contains(RunMessages.LOGGER);
    assertThat(texts(messages, "info")).contains("T1 landed", "T3 landed");
    assertThat(texts(messages, "info")).anyMatch(t -> t.startsWith("T1 started (attempt 1"));
    assertThat(texts(messages, "error")).anyMatch(t -> t.startsWith("T2 failed"));
    assertThat(texts(messages, "error")).anyMatch(t -> t.startsWith("run " + runId + " failed"));
    assertThat(texts(messages, "debug")).isEmpty(); // lock traffic is under the info level

    // a run started by `bp dispatch` in a shell appears in the list and is followed too
    assertThat(out.path("shell_exit").asInt()).isZero();
    assertThat(out.at("/runs/shell/final/state").asText()).isEqualTo("succeeded");
    assertThat(out.path("list_changed").size()).isGreaterThanOrEqualTo(2);

    // dispatch with wait: progress climbs to the task count, the answer is the final state
    JsonNode wait = out.path("wait");
    assertThat(wait.path("is_error").asBoolean()).as(wait.toString()).isFalse();
    assertProgressClimbsToTotal(wait, 3);
    assertThat(wait.at("/structured/state").asText()).isEqualTo("succeeded");
    assertThat(wait.at("/structured/counts/landed").asInt()).isEqualTo(3);
    assertThat(wait.path("text").asText()).contains("succeeded").contains("3 landed");
    String waitUri = wait.at("/structured/resource").asText();
    assertThat(out.path("resources_after").toString()).contains(uri, waitUri);
    assertThat(repo.git("show", "main:w3.txt")).isEqualTo("w3");

    // a subscribed blueprint file that changes is announced too (at the next rescan)
    assertThat(out.path("edit").has("updated_after_ms")).as(out.toString()).isTrue();
  }

  @Test
  void overStreamableHttpUpdatesProgressAndOnlyTheLinesAtTheSessionsLevelArrive() throws Exception {
    GitTestRepo repo = repository();
    String token = "it-token-runs";
    Map<String, String> env = new HashMap<>(repo.env);
    env.put("BP_TOKEN", token);
    Map<String, Object> plan = new LinkedHashMap<>();
    plan.put("log_level", "error");
    plan.put("dispatch", Map.of("path", "follow.bp.md"));
    plan.put("wait_dispatch", Map.of("path", "wait.bp.md"));
    JsonNode out;
    try (ServerProcess server =
        ServerProcess.startHttp(repo.dir, env, "--http", "127.0.0.1:0", "--no-journal-sweep")) {
      out =
          NodeClient.run(
              "runs.mjs",
              tmp,
              plan,
              Map.of("BP_TOKEN", token),
              List.of("--http", server.baseUrl() + "/mcp"));
    }

    String runId = out.at("/dispatch/structured/run_id").asText();
    assertThat(out.path("updated").findValuesAsText("uri")).contains("bp://runs/" + runId);
    assertThat(out.at("/runs/dispatched/final/state").asText()).isEqualTo("failed");
    assertThat(out.path("resources_after_dispatch").toString()).contains("bp://runs/" + runId);

    // level error: the failures reach the session (after the call returned), nothing quieter
    JsonNode messages = out.path("messages");
    assertThat(texts(messages, "error")).anyMatch(t -> t.startsWith("T2 failed"));
    assertThat(texts(messages, null))
        .allMatch(t -> !t.contains("landed") && !t.contains("started"));

    assertProgressClimbsToTotal(out.path("wait"), 3);
    assertThat(out.at("/wait/structured/state").asText()).isEqualTo("succeeded");
  }
}
