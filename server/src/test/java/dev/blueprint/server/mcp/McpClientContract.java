package dev.blueprint.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every transport must do for a real client (the official TypeScript SDK): one session per
 * transport runs every call once, and each test checks one part of what came back. Subclasses say
 * how to reach the server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class McpClientContract {
  @TempDir static Path work;
  Path repo;
  JsonNode session;

  /** Runs the client plan against a server for {@code repo} over this transport. */
  abstract JsonNode session(Path repo, Map<String, Object> plan) throws Exception;

  @BeforeAll
  void runSession() throws Exception {
    repo = TestRepository.copyInto(work.resolve("repo"));
    Map<String, Object> plan = new LinkedHashMap<>();
    List<Map<String, Object>> calls = new ArrayList<>();
    calls.add(call("validate_path", "validate", Map.of("path", TestRepository.EXAMPLE)));
    calls.add(
        call(
            "validate_text",
            "validate",
            Map.of("text", TestRepository.read(repo, TestRepository.EXAMPLE))));
    calls.add(call("validate_invalid", "validate", Map.of("path", TestRepository.CYCLE)));
    calls.add(call("validate_escape", "validate", Map.of("path", "../outside.bp.md")));
    calls.add(call("validate_token_file", "validate", Map.of("path", ".blueprint/token")));
    calls.add(call("validate_missing", "validate", Map.of("path", "blueprints/none.bp.md")));
    calls.add(call("validate_no_args", "validate", Map.of()));
    calls.add(call("validate_wrong_type", "validate", Map.of("path", 5)));
    calls.add(call("plan_path", "plan", Map.of("path", TestRepository.EXAMPLE)));
    calls.add(call("plan_invalid", "plan", Map.of("path", TestRepository.CYCLE)));
    calls.add(call("plan_goals", "plan", Map.of("goals", "a todo CLI in Python")));
    plan.put("calls", calls);
    plan.put(
        "read",
        List.of(
            "bp://blueprints/" + TestRepository.EXAMPLE,
            "bp://sessions/" + TestRepository.JOURNAL,
            "bp://blueprints/notes/readme.md",
            "bp://blueprints/../outside.bp.md"));
    plan.put("unknown_method", true);
    session = session(repo, plan);
  }

  static Map<String, Object> call(String label, String tool, Map<String, Object> arguments) {
    return Map.of("label", label, "name", tool, "arguments", arguments);
  }

  JsonNode call(String label) {
    JsonNode c = session.path("calls").path(label);
    assertThat(c.isMissingNode()).as("call %s ran", label).isFalse();
    return c;
  }

  @Test
  void listsValidateAndPlanWithInputAndOutputSchemasInUnderThreeThousandTokens() {
    List<String> names = new ArrayList<>();
    for (JsonNode tool : session.path("tools")) {
      names.add(tool.path("name").asText());
      assertThat(tool.path("description").asText()).isNotBlank();
      assertThat(tool.path("inputSchema").path("type").asText()).isEqualTo("object");
      assertThat(tool.path("outputSchema").path("properties").has("schema_version")).isTrue();
    }
    assertThat(names).contains("validate", "plan", "commit", "dispatch", "status", "aggregate");
    // About four bytes a token: 12 kB is the 3k-token budget for the whole list.
    assertThat(session.path("tools_list_bytes").asInt()).isBetween(1, 12_000);
    assertThat(session.path("server").path("name").asText()).isEqualTo("blueprint");
  }

  @Test
  void validateByPathAnswersStructuredContentWithSchemaVersionAndAShortText() {
    JsonNode c = call("validate_path");
    assertThat(c.path("is_error").asBoolean()).as(c.toString()).isFalse();
    JsonNode s = c.path("structured");
    assertThat(s.path("schema_version").asInt()).isEqualTo(1);
    assertThat(s.path("source").asText()).isEqualTo(TestRepository.EXAMPLE);
    assertThat(s.path("valid").asBoolean()).isTrue();
    assertThat(s.path("task_count").asInt()).isEqualTo(3);
    assertThat(s.path("error_count").asInt()).isZero();
    assertThat(c.path("text").asText())
        .startsWith("valid: " + TestRepository.EXAMPLE + ", 3 tasks");
  }

  @Test
  void validateByTextNamesTheSourceAsText() {
    JsonNode s = call("validate_text").path("structured");
    assertThat(s.path("source").asText()).isEqualTo("<text>");
    assertThat(s.path("task_count").asInt()).isEqualTo(3);
    assertThat(s.path("valid").asBoolean()).isTrue();
  }

  @Test
  void validateOfAnInvalidBlueprintIsAToolErrorWithDiagnosticsAndNoStackTrace() {
    JsonNode c = call("validate_invalid");
    assertThat(c.path("is_error").asBoolean()).isTrue();
    JsonNode s = c.path("structured");
    assertThat(s.path("valid").asBoolean()).isFalse();
    assertThat(s.path("error_count").asInt()).isPositive();
    boolean namesCycleTask = false;
    for (JsonNode d : s.path("diagnostics")) {
      if (d.path("severity").asText().equals("error")
          && d.path("message").asText().contains("T0.1")
          && d.path("message").asText().contains("T0.2")) {
        namesCycleTask = true;
      }
    }
    assertThat(namesCycleTask).as(s.toString()).isTrue();
    assertThat(c.path("text").asText())
        .startsWith("invalid: ")
        .doesNotContain("Exception", "\tat ");
  }

  @Test
  void pathsOutsideTheRepositoryOrIntoServerStateAreRefusedAsToolErrors() {
    JsonNode escape = call("validate_escape");
    assertThat(escape.path("is_error").asBoolean()).isTrue();
    assertThat(escape.path("text").asText()).contains("not inside the repository");
    JsonNode token = call("validate_token_file");
    assertThat(token.path("is_error").asBoolean()).isTrue();
    assertThat(token.path("text").asText()).contains("not inside the repository");
    JsonNode missing = call("validate_missing");
    assertThat(missing.path("is_error").asBoolean()).isTrue();
    assertThat(missing.path("text").asText()).contains("no such file");
  }

  @Test
  void malformedArgumentsAreJsonRpcInvalidParamsErrors() {
    assertThat(call("validate_no_args").path("error").path("code").asInt()).isEqualTo(-32602);
    assertThat(call("validate_wrong_type").path("error").path("code").asInt()).isEqualTo(-32602);
  }

  @Test
  void planByPathAnswersWavesAndCriticalPath() {
    JsonNode c = call("plan_path");
    assertThat(c.path("is_error").asBoolean()).as(c.toString()).isFalse();
    JsonNode s = c.path("structured");
    assertThat(s.path("schema_version").asInt()).isEqualTo(1);
    assertThat(s.path("waves").toString()).isEqualTo("[[\"T0.1\"],[\"T0.2\"],[\"T1.1\"]]");
    assertThat(s.path("critical_path").toString()).isEqualTo("[\"T0.1\",\"T0.2\",\"T1.1\"]");
    assertThat(s.path("max_width").asInt()).isEqualTo(1);
    assertThat(c.path("text").asText()).contains("wave 1: T0.1", "wave 3: T1.1");
  }

  @Test
  void planOfAnInvalidBlueprintIsAToolErrorCarryingTheDiagnostics() {
    JsonNode c = call("plan_invalid");
    assertThat(c.path("is_error").asBoolean()).isTrue();
    assertThat(c.path("structured").path("diagnostics").size()).isPositive();
    assertThat(c.path("text").asText()).startsWith("cannot plan an invalid blueprint");
  }

  @Test
  void planFromGoalsSaysSoWhenTheClientCannotSample() {
    JsonNode c = call("plan_goals");
    assertThat(c.path("is_error").asBoolean()).isTrue();
    assertThat(c.path("text").asText()).contains("does not support MCP sampling");
  }

  @Test
  void listsBlueprintsAndJournalsAsResourcesButNotPlainMarkdown() {
    List<String> uris = new ArrayList<>();
    session.path("resources").forEach(r -> uris.add(r.path("uri").asText()));
    assertThat(uris)
        .contains(
            "bp://blueprints/" + TestRepository.EXAMPLE,
            "bp://blueprints/" + TestRepository.CYCLE,
            "bp://sessions/" + TestRepository.JOURNAL)
        .doesNotContain("bp://blueprints/notes/readme.md");
    List<String> templates = new ArrayList<>();
    session.path("resource_templates").forEach(t -> templates.add(t.path("uriTemplate").asText()));
    assertThat(templates).contains("bp://blueprints/{+path}", "bp://sessions/{file}");
  }

  @Test
  void readsResourcesAndRefusesWhatIsNoBlueprintOrOutsideTheRepository() {
    JsonNode reads = session.path("reads");
    JsonNode blueprint = reads.path("bp://blueprints/" + TestRepository.EXAMPLE);
    assertThat(blueprint.path("text").asText())
        .isEqualTo(TestRepository.read(repo, TestRepository.EXAMPLE));
    assertThat(blueprint.path("mime_type").asText()).isEqualTo("text/markdown");
    assertThat(reads.path("bp://sessions/" + TestRepository.JOURNAL).path("text").asText())
        .startsWith("# Session Journal");
    assertThat(reads.path("bp://blueprints/notes/readme.md").path("error").path("code").asInt())
        .isEqualTo(-32002);
    assertThat(reads.path("bp://blueprints/../outside.bp.md").path("error").path("code").asInt())
        .isEqualTo(-32002);
  }

  @Test
  void unknownMethodIsMethodNotFoundAndTheSessionGoesOn() {
    assertThat(session.path("unknown_method").path("error").path("code").asInt()).isEqualTo(-32601);
    assertThat(session.path("after_unknown_method").asInt())
        .isEqualTo(session.path("tools").size());
  }
}
