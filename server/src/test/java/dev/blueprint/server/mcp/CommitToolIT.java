package dev.blueprint.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code commit} tool, called by the official TypeScript SDK client over stdio, lands files
 * through the commit queue of a real repository.
 */
class CommitToolIT {
  @TempDir Path tmp;

  private JsonNode session(GitTestRepo repo, Path served, List<Map<String, Object>> calls)
      throws Exception {
    List<String> transport = new ArrayList<>(List.of("--stdio"));
    transport.addAll(repo.serveCommand(served));
    return NodeClient.run(tmp, Map.of("calls", calls), Map.of(), transport).path("calls");
  }

  private static Map<String, Object> call(String label, Map<String, Object> arguments) {
    return McpClientContract.call(label, CommitTool.NAME, arguments);
  }

  @Test
  void commitLandsTheFilesOnTheBranchWithTheMessageAndLeavesTheTreeClean() throws Exception {
    GitTestRepo repo = new GitTestRepo(tmp);
    repo.write("src/a.txt", "a\n");
    repo.write("notes.txt", "not part of the commit\n");
    JsonNode calls =
        session(
            repo,
            repo.dir,
            List.of(call("land", Map.of("message", "add a", "paths", List.of("src/a.txt")))));

    JsonNode land = calls.path("land");
    assertThat(land.path("is_error").asBoolean()).as(land.toString()).isFalse();
    JsonNode s = land.path("structured");
    assertThat(s.path("schema_version").asInt()).isEqualTo(1);
    assertThat(s.path("state").asText()).isEqualTo("landed");
    assertThat(s.path("branch").asText()).isEqualTo("main");
    String sha = s.path("commit").asText();
    assertThat(repo.git("rev-parse", "main")).isEqualTo(sha);
    assertThat(repo.git("log", "-1", "--format=%s", "main")).isEqualTo("add a");
    assertThat(repo.git("log", "-1", "--format=%B", "main")).contains("Agent: blueprint-it");
    assertThat(repo.git("show", "main:src/a.txt")).isEqualTo("a");
    assertThat(repo.git("show", "--name-only", "--format=", "main")).isEqualTo("src/a.txt");
    assertThat(land.path("text").asText()).startsWith("landed on main as " + sha.substring(0, 12));
    assertThat(repo.git("status", "--porcelain")).isEqualTo("?? notes.txt");
  }

  @Test
  void badCallsAreToolErrorsOrInvalidParamsWithReadableText() throws Exception {
    GitTestRepo repo = new GitTestRepo(tmp);
    String before = repo.git("rev-parse", "main");
    JsonNode calls =
        session(
            repo,
            repo.dir,
            List.of(
                call("escape", Map.of("message", "m", "paths", List.of("../outside.txt"))),
                call("missing", Map.of("message", "m", "paths", List.of("none.txt"))),
                call("nothing", Map.of("message", "m", "paths", List.of("README.md"))),
                call("no_message", Map.of("paths", List.of("README.md"))),
                call("paths_not_strings", Map.of("message", "m", "paths", List.of(5)))));

    JsonNode escape = calls.path("escape");
    assertThat(escape.path("is_error").asBoolean()).as(escape.toString()).isTrue();
    assertThat(escape.path("structured").path("code").asText()).isEqualTo("E_PATH_ESCAPES");
    assertThat(escape.path("text").asText()).contains("outside.txt").doesNotContain("\tat ");
    JsonNode missing = calls.path("missing");
    assertThat(missing.path("is_error").asBoolean()).isTrue();
    assertThat(missing.path("structured").path("code").asText()).isEqualTo("E_NO_SUCH_PATH");
    JsonNode nothing = calls.path("nothing");
    assertThat(nothing.path("is_error").asBoolean()).isTrue();
    assertThat(nothing.path("structured").path("state").asText()).isEqualTo("nothing_to_commit");
    assertThat(calls.path("no_message").path("error").path("code").asInt()).isEqualTo(-32602);
    assertThat(calls.path("paths_not_strings").path("error").path("code").asInt())
        .isEqualTo(-32602);
    assertThat(repo.git("rev-parse", "main")).isEqualTo(before);
  }

  @Test
  void aChangeThatConflictsWithTheBranchIsRejectedNamingThePathAndTheBranchStays()
      throws Exception {
    GitTestRepo repo = new GitTestRepo(tmp);
    // An agent in a linked worktree, started before main moved on.
    Path agent = tmp.resolve("agent");
    repo.git("worktree", "add", "-q", "-b", "agent", agent.toString());
    repo.write("README.md", "hello from main\n");
    repo.git("commit", "-q", "-am", "main edits README");
    String tip = repo.git("rev-parse", "main");
    Files.writeString(agent.resolve("README.md"), "hello from the agent\n");

    JsonNode calls =
        session(
            repo,
            agent,
            List.of(
                call("clash", Map.of("message", "agent edits", "paths", List.of("README.md")))));

    JsonNode clash = calls.path("clash");
    assertThat(clash.path("is_error").asBoolean()).as(clash.toString()).isTrue();
    JsonNode s = clash.path("structured");
    assertThat(s.path("state").asText()).isEqualTo("rejected");
    assertThat(s.path("conflict_paths")).extracting(JsonNode::asText).containsExactly("README.md");
    assertThat(clash.path("text").asText())
        .startsWith("rejected: conflicts with main in README.md");
    assertThat(repo.git("rev-parse", "main")).isEqualTo(tip);
  }
}
