package dev.blueprint.tools.dispatch.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CapabilityRequirementTest {

  private static CapabilityRequirement req(String text) {
    return CapabilityRequirement.parse(text).orElseThrow();
  }

  @Test
  void readsEveryForm() {
    assertThat(req("jq")).isEqualTo(new CapabilityRequirement("jq", "jq", null, null));
    assertThat(req("node20")).isEqualTo(new CapabilityRequirement("node20", "node", ">=", "20"));
    assertThat(req("python3.11"))
        .isEqualTo(new CapabilityRequirement("python3.11", "python", ">=", "3.11"));
    assertThat(req("node>=18"))
        .isEqualTo(new CapabilityRequirement("node>=18", "node", ">=", "18"));
    assertThat(req("python~3.11").operator()).isEqualTo("~");
    assertThat(req("node^20").operator()).isEqualTo("^");
    assertThat(req("jq==1.6")).isEqualTo(new CapabilityRequirement("jq==1.6", "jq", "==", "1.6"));
    assertThat(req("node >= 18.2").version()).isEqualTo("18.2");
    assertThat(req("sha256sum").tool()).isEqualTo("sha256sum");
    assertThat(req("aws-cli").tool()).isEqualTo("aws-cli");
  }

  @Test
  void rejectsWhatFitsNoForm() {
    assertThat(CapabilityRequirement.parse("node>=")).isEmpty();
    assertThat(CapabilityRequirement.parse("rm -rf /")).isEmpty();
    assertThat(CapabilityRequirement.parse("")).isEmpty();
  }

  @Test
  void looksForTheMostSpecificExecutableFirst() {
    assertThat(req("python3.11").executables()).containsExactly("python3.11", "python3", "python");
    assertThat(req("node20").executables()).containsExactly("node20", "node");
    assertThat(req("git").executables()).containsExactly("git");
  }
}
