package dev.blueprint.tools.dispatch.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DotenvSecretsTest {
  @Test
  void readsTheCommonDotenvForms() {
    assertThat(
            DotenvSecrets.parse(
                """
                # comment
                export A=plain value # trailing comment
                B='single $NOT_EXPANDED'
                C="line\\nbreak \\"quoted\\""
                D=
                not an assignment
                  E = spaced
                """))
        .containsExactly(
            java.util.Map.entry("A", "plain value"),
            java.util.Map.entry("B", "single $NOT_EXPANDED"),
            java.util.Map.entry("C", "line\nbreak \"quoted\""),
            java.util.Map.entry("D", ""),
            java.util.Map.entry("E", "spaced"));
  }
}
