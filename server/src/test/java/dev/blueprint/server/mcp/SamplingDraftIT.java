package dev.blueprint.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plan} with goals drafts a blueprint through MCP sampling. No model runs here, so the
 * TypeScript client answers sampling requests with fixed texts (a fake model speaking the real
 * sampling wire format); everything else is real.
 */
class SamplingDraftIT {
  @TempDir Path work;

  JsonNode session(List<String> modelReplies) throws Exception {
    Path repo = TestRepository.copyInto(work.resolve("repo"));
    Map<String, Object> plan =
        Map.of(
            "calls",
            List.of(
                McpClientContract.call(
                    "draft", "plan", Map.of("goals", "a todo command line app in Python"))),
            "sampling_replies",
            modelReplies);
    List<String> transport = new ArrayList<>(List.of("--stdio"));
    transport.addAll(ServerProcess.command("serve", "--repo", repo.toString()));
    return NodeClient.run(work, plan, Map.of(), transport);
  }

  String fixture(String name) {
    return TestRepository.read(TestRepository.copyInto(work.resolve("fixture")), name);
  }

  @Test
  void withFakeModelRetriesWithTheDiagnosticsThenPlansTheValidDraft() throws Exception {
    String invalid = fixture(TestRepository.CYCLE);
    String valid = TestRepository.read(work.resolve("fixture"), TestRepository.EXAMPLE);
    JsonNode s = session(List.of(invalid, valid));

    JsonNode requests = s.path("sampling_requests");
    assertThat(requests.size()).isEqualTo(2);
    assertThat(requests.get(0).path("messages").get(0).path("text").asText())
        .contains("a todo command line app in Python");
    assertThat(requests.get(0).path("system_prompt_chars").asInt()).isPositive();
    JsonNode retry = requests.get(1).path("messages");
    assertThat(retry.size()).isEqualTo(3);
    assertThat(retry.get(1).path("role").asText()).isEqualTo("assistant");
    assertThat(retry.get(2).path("text").asText()).contains("invalid", "error");

    JsonNode call = s.path("calls").path("draft");
    assertThat(call.path("is_error").asBoolean()).as(call.toString()).isFalse();
    JsonNode result = call.path("structured");
    assertThat(result.path("draft").path("attempts").asInt()).isEqualTo(2);
    assertThat(result.path("draft").path("text").asText()).isEqualTo(valid);
    assertThat(result.path("waves").toString()).isEqualTo("[[\"T0.1\"],[\"T0.2\"],[\"T1.1\"]]");
    // One progress notification per attempt, to the client that asked for progress.
    assertThat(call.path("progress").toString())
        .isEqualTo(
            "[{\"progress\":0,\"total\":3,\"message\":\"drafting the blueprint, attempt 1\"},"
                + "{\"progress\":1,\"total\":3,\"message\":\"drafting the blueprint, attempt 2\"}]");
  }

  @Test
  void withFakeModelThatNeverFixesItStopsAfterTwoRetriesAndReportsAToolError() throws Exception {
    JsonNode s = session(List.of(fixture(TestRepository.CYCLE)));
    assertThat(s.path("sampling_requests").size()).isEqualTo(3);
    JsonNode call = s.path("calls").path("draft");
    assertThat(call.path("is_error").asBoolean()).isTrue();
    assertThat(call.path("text").asText())
        .startsWith("the drafted blueprint is still invalid after 3");
    assertThat(call.path("structured").path("draft").path("attempts").asInt()).isEqualTo(3);
    assertThat(call.path("structured").path("diagnostics").size()).isPositive();
  }
}
