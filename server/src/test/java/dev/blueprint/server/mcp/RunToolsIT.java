package dev.blueprint.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run tools over stdio with the MCP Java SDK's client against {@code bp serve} as a child
 * process, on a real repository: dispatch answers at once, status follows the run, aggregate
 * reports the one task that fails and the journal it wrote.
 */
class RunToolsIT {
  @TempDir Path tmp;
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String BLUEPRINT =
      """
      # MCP run — Blueprint

      ## Execution Configuration

      ```yaml
      execution:
        shell: bash
        max_parallel_tasks: 2
      ```

      ### T1: Write

      ```yaml
      task_id: T1
      name: "Write"
      status: not_started
      dependencies: []
      command: "sleep 1; echo one > one.txt"
      ```

      ### T2: Fail

      ```yaml
      task_id: T2
      name: "Fail"
      status: not_started
      dependencies: []
      command: "echo no >&2; exit 5"
      on_failure:
        action: block
        max_retries: 0
      ```
      """;

  private Map<String, String> env = new HashMap<>();

  private String git(Path dir, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("git"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    return out.strip();
  }

  private Path repository() throws Exception {
    Path home = Files.createDirectories(tmp.resolve("home"));
    Files.writeString(
        home.resolve(".gitconfig"),
        "[user]\n\tname = Blueprint Test\n\temail = bp-test@example.invalid\n"
            + "[commit]\n\tgpgsign = false\n");
    env.put("HOME", home.toString());
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    env.put("GIT_CONFIG_GLOBAL", home.resolve(".gitconfig").toString());
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    git(repo, "init", "-q", "-b", "main");
    Files.writeString(repo.resolve(".gitignore"), ".blueprint/\n");
    Files.writeString(repo.resolve("run.bp.md"), BLUEPRINT);
    git(repo, "add", "-A");
    git(repo, "commit", "-q", "-m", "initial");
    return repo;
  }

  private static JsonNode structured(CallToolResult r) {
    return JSON.valueToTree(r.structuredContent());
  }

  private static String text(CallToolResult r) {
    return ((TextContent) r.content().get(0)).text();
  }

  /** The SDK's client on {@code bp serve} over stdio, initialized; the server's stderr collects. */
  private McpSyncClient client(Path repo, StringBuffer serverLog) {
    List<String> cmd = ServerProcess.command("serve", "--repo", repo.toString());
    ServerParameters params =
        ServerParameters.builder(cmd.get(0)).args(cmd.subList(1, cmd.size())).env(env).build();
    StdioClientTransport transport =
        new StdioClientTransport(params, new JacksonMcpJsonMapper(JSON));
    transport.setStdErrorHandler(line -> serverLog.append(line).append('\n'));
    McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60)).build();
    client.initialize();
    return client;
  }

  @Test
  void dispatchAnswersAtOnceThenStatusFollowsAndAggregateReportsTheFailure() throws Exception {
    Path repo = repository();
    StringBuffer serverLog = new StringBuffer();
    try (McpSyncClient client = client(repo, serverLog)) {

      CallToolResult started =
          client.callTool(new CallToolRequest("dispatch", Map.of("path", "run.bp.md")));
      assertThat(started.isError()).as(text(started) + serverLog).isFalse();
      String runId = structured(started).get("run_id").asText();
      assertThat(runId).matches("[0-9A-Z]{26}");
      assertThat(structured(started).get("schema_version").asInt()).isEqualTo(1);

      JsonNode status;
      Instant deadline = Instant.now().plusSeconds(60);
      do {
        Thread.sleep(300);
        status = structured(client.callTool(new CallToolRequest("status", Map.of("run", runId))));
      } while (status.at("/run/state").asText().equals("running")
          && Instant.now().isBefore(deadline));
      assertThat(status.at("/run/state").asText()).as(serverLog.toString()).isEqualTo("failed");
      assertThat(status.at("/counts/landed").asInt()).isEqualTo(1);
      // The tool reads the repository's queue database and the plan, like `bp status --json`.
      assertThat(status.at("/queue_depth/pending").isNumber()).as(status.toString()).isTrue();
      assertThat(status.at("/worker_slots/limit").asInt()).as(status.toString()).isPositive();
      assertThat(status.at("/wave_progress/total").asInt()).as(status.toString()).isPositive();

      CallToolResult log =
          client.callTool(
              new CallToolRequest("status", Map.of("run", runId, "task", "T2", "log_offset", 0)));
      assertThat(structured(log).at("/log/task_id").asText()).isEqualTo("T2");

      CallToolResult report =
          client.callTool(new CallToolRequest("aggregate", Map.of("run", runId)));
      assertThat(report.isError()).isTrue(); // the run was not successful
      JsonNode r = structured(report);
      assertThat(r.get("successful").asBoolean()).isFalse();
      assertThat(r.at("/problems/0/task_id").asText()).isEqualTo("T2");
      assertThat(r.at("/problems/0/error/code").asText()).isEqualTo("E_EXECUTION_FAILED");
      assertThat(r.at("/commits/0/subject").asText()).isEqualTo("T1: Write");
      assertThat(Path.of(r.get("journal").asText())).exists();
      assertThat(text(report)).contains("T2 failed after 1 attempt");

      var resource = client.readResource(new ReadResourceRequest("bp://runs/" + runId));
      JsonNode viaResource =
          JSON.readTree(((TextResourceContents) resource.contents().get(0)).text());
      assertThat(viaResource.at("/run/id").asText()).isEqualTo(runId);
      assertThat(viaResource.get("schema_version").asInt()).isEqualTo(1);

      CallToolResult missing =
          client.callTool(new CallToolRequest("status", Map.of("run", "01NOSUCHRUN")));
      assertThat(missing.isError()).isTrue();
    }
    assertThat(git(repo, "show", "main:one.txt")).isEqualTo("one");
  }

  @Test
  void dispatchOfATaskSubsetRunsOnlyThoseTasksAndRefusesUnknownIds() throws Exception {
    Path repo = repository();
    StringBuffer serverLog = new StringBuffer();
    try (McpSyncClient client = client(repo, serverLog)) {

      CallToolResult unknown =
          client.callTool(
              new CallToolRequest("dispatch", Map.of("path", "run.bp.md", "tasks", List.of("T9"))));
      assertThat(unknown.isError()).isTrue();
      assertThat(text(unknown)).contains("T9");

      CallToolResult done =
          client.callTool(
              new CallToolRequest(
                  "dispatch",
                  Map.of(
                      "path", "run.bp.md", "tasks", List.of("T1"), "wait", true, "parallel", 1)));
      assertThat(done.isError()).as(text(done) + serverLog).isFalse();
      String runId = structured(done).get("run_id").asText();
      JsonNode status =
          structured(client.callTool(new CallToolRequest("status", Map.of("run", runId))));
      assertThat(status.at("/run/state").asText()).as(status.toString()).isEqualTo("succeeded");
      assertThat(status.at("/counts/landed").asInt()).isEqualTo(1);
      assertThat(status.toString()).doesNotContain("\"T2\"");
      // The engine records its limit (1, not the blueprint's 2) where status finds it.
      assertThat(status.at("/worker_slots/limit").asInt()).isEqualTo(1);
      assertThat(status.at("/worker_slots/limit_source").asText()).isEqualTo("run");
    }
    assertThat(git(repo, "show", "main:one.txt")).isEqualTo("one");
  }
}
