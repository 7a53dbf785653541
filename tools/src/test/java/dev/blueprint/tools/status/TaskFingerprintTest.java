package dev.blueprint.tools.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class TaskFingerprintTest {
  private final ObjectMapper m = new ObjectMapper();

  private JsonNode json(String s) throws Exception {
    return m.readTree(s);
  }

  @Test
  void ignoresKeyOrderAndStatusButNotContentTreeAgentOrModel() throws Exception {
    String a =
        TaskFingerprint.of(
            json("{\"task_id\":\"T1\",\"name\":\"x\",\"status\":\"pending\"}"),
            "tree1",
            "claude",
            "m");
    String sameReordered =
        TaskFingerprint.of(
            json("{\"status\":\"complete\",\"name\":\"x\",\"task_id\":\"T1\"}"),
            "tree1",
            "claude",
            "m");

    assertThat(a).hasSize(64).isEqualTo(sameReordered);
    assertThat(
            TaskFingerprint.of(json("{\"task_id\":\"T1\",\"name\":\"y\"}"), "tree1", "claude", "m"))
        .isNotEqualTo(a);
    assertThat(
            TaskFingerprint.of(json("{\"task_id\":\"T1\",\"name\":\"x\"}"), "tree2", "claude", "m"))
        .isNotEqualTo(a);
    assertThat(
            TaskFingerprint.of(json("{\"task_id\":\"T1\",\"name\":\"x\"}"), "tree1", "codex", "m"))
        .isNotEqualTo(a);
    assertThat(
            TaskFingerprint.of(
                json("{\"task_id\":\"T1\",\"name\":\"x\"}"), "tree1", "claude", null))
        .isNotEqualTo(a);
  }
}
