package dev.blueprint.tools.dispatch.agents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.BlueprintForm;
import dev.blueprint.tools.blueprint.ExecutionConfig;
import dev.blueprint.tools.blueprint.Metadata;
import dev.blueprint.tools.blueprint.Task;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentSelectionTest {

  @Test
  void taskAgentWinsThenCliOptionThenCommandThenDefault() {
    Task own = Task.builder("T1").agent("codex").command("make").build();
    Task scripted = Task.builder("T2").command("make").build();
    Task plain = Task.builder("T3").build();

    AgentSelector withOption = new AgentSelector("gemini", "claude");
    AgentSelector without = new AgentSelector(null, "claude");

    assertThat(withOption.agentFor(own)).isEqualTo("codex");
    assertThat(withOption.agentFor(scripted)).isEqualTo("gemini");
    assertThat(without.agentFor(scripted)).isEqualTo("command");
    assertThat(without.agentFor(plain)).isEqualTo("claude");
  }

  @Test
  void assigneeIsNotAnAgent() throws Exception {
    ObjectNode raw = (ObjectNode) new ObjectMapper().readTree("{\"assignee\":\"codex\"}");
    Task t = Task.builder("T1").raw(raw).build();
    assertThat(new AgentSelector(null, "claude").agentFor(t)).isEqualTo("claude");
  }

  @Test
  void modelComesFromTaskThenRegistryTierThenBalancedThenFirst() throws Exception {
    ObjectNode extras =
        (ObjectNode)
            new ObjectMapper()
                .readTree(
                    """
                    {"agent_registry": {"claude": {"provider": "anthropic", "models": [
                      {"id": "claude-opus-4", "tier": "flagship"},
                      {"id": "claude-sonnet-4", "tier": "balanced"},
                      {"id": "claude-haiku-4", "tier": "fast"}]},
                     "codex": {"models": [{"id": "gpt-5-codex", "tier": "flagship"}]}}}
                    """);
    Blueprint bp =
        new Blueprint(
            "bp",
            BlueprintForm.YAML,
            null,
            Metadata.none(),
            ExecutionConfig.empty(),
            List.of(),
            List.of(),
            null,
            extras,
            List.of());
    ObjectMapper m = new ObjectMapper();
    Task plain = Task.builder("T1").build();
    Task fast =
        Task.builder("T2").raw((ObjectNode) m.readTree("{\"model_tier\":\"fast\"}")).build();
    Task own = Task.builder("T3").raw((ObjectNode) m.readTree("{\"model\":\"my-model\"}")).build();

    assertThat(ModelChooser.modelFor(bp, plain, "claude")).contains("claude-sonnet-4");
    assertThat(ModelChooser.modelFor(bp, fast, "claude")).contains("claude-haiku-4");
    assertThat(ModelChooser.modelFor(bp, own, "claude")).contains("my-model");
    assertThat(ModelChooser.modelFor(bp, plain, "codex")).contains("gpt-5-codex");
    assertThat(ModelChooser.modelFor(bp, plain, "gemini")).isEmpty();
  }
}
