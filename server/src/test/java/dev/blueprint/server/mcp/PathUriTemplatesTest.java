package dev.blueprint.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.util.McpUriTemplateManager;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PathUriTemplatesTest {
  @Test
  void reservedExpansionSpansSlashesAndSimpleVariablesDoNot() {
    McpUriTemplateManager path = new PathUriTemplates().create("bp://blueprints/{+path}");
    assertThat(path.matches("bp://blueprints/docs/a.bp.md")).isTrue();
    assertThat(path.extractVariableValues("bp://blueprints/docs/a.bp.md"))
        .isEqualTo(Map.of("path", "docs/a.bp.md"));
    assertThat(path.getVariableNames()).containsExactly("path");

    McpUriTemplateManager file = new PathUriTemplates().create("bp://sessions/{file}");
    assertThat(file.matches("bp://sessions/a.md")).isTrue();
    assertThat(file.matches("bp://sessions/x/a.md")).isFalse();
    assertThat(file.isUriTemplate("bp://sessions/{file}")).isTrue();
    assertThat(file.isUriTemplate("bp://sessions/a.md")).isFalse();
  }
}
