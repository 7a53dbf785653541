package dev.blueprint.hooks.claude;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaudeHookInstallerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EXISTING =
      """
      {
        "permissions": {"allow": ["Bash(npm test:*)"]},
        "hooks": {
          "SessionEnd": [
            {"matcher": "", "hooks": [{"type": "command", "command": "./notify.sh"}]}
          ],
          "PreToolUse": [
            {"matcher": "Bash", "hooks": [{"type": "command", "command": "./guard.sh"}]}
          ]
        },
        "model": "opus"
      }
      """;

  @TempDir Path repo;

  private Path settings() {
    return repo.resolve(".claude/settings.json");
  }

  @Test
  void mergesItsEntriesAndKeepsEverythingAlreadyThere() throws Exception {
    Files.createDirectories(settings().getParent());
    Files.writeString(settings(), EXISTING);

    InstallReport report = new ClaudeHookInstaller(repo).install("/opt/bp/bp", false, false);

    assertThat(report.changed()).containsExactly("SessionStart", "SessionEnd");
    JsonNode s = JSON.readTree(settings().toFile());
    assertThat(s.path("permissions").path("allow").get(0).asText()).isEqualTo("Bash(npm test:*)");
    assertThat(s.path("model").asText()).isEqualTo("opus");
    assertThat(s.at("/hooks/PreToolUse/0/hooks/0/command").asText()).isEqualTo("./guard.sh");
    assertThat(s.at("/hooks/SessionEnd/0/hooks/0/command").asText()).isEqualTo("./notify.sh");
    assertThat(s.at("/hooks/SessionEnd/1/hooks/0/command").asText())
        .isEqualTo("sh \"$CLAUDE_PROJECT_DIR/.blueprint/hooks/claude-hook.sh\" SessionEnd");
    assertThat(s.at("/hooks/SessionStart/0/matcher").asText()).isEmpty();
    assertThat(s.at("/hooks/SessionStart/0/hooks/0/type").asText()).isEqualTo("command");
    assertThat(s.path("hooks").has("Stop")).isFalse();
    assertThat(Files.readString(repo.resolve(".blueprint/hooks/claude-hook.sh")))
        .contains("bp=\"${BP_HOOK_BP:-/opt/bp/bp}\"")
        .doesNotContain("@BP@");
    assertThat(Files.isExecutable(repo.resolve(".blueprint/hooks/claude-hook.sh"))).isTrue();
  }

  @Test
  void installingTwiceChangesNothing() throws Exception {
    ClaudeHookInstaller installer = new ClaudeHookInstaller(repo);
    installer.install("bp", true, false);
    String first = Files.readString(settings());

    InstallReport again = installer.install("bp", true, false);

    assertThat(again.changed()).isEmpty();
    assertThat(again.unchanged()).containsExactly("SessionStart", "SessionEnd", "Stop");
    assertThat(Files.readString(settings())).isEqualTo(first);
    assertThat(JSON.readTree(first).at("/hooks/Stop/0/hooks/0/command").asText()).endsWith(" Stop");
  }

  @Test
  void uninstallRemovesOnlyItsOwnEntries() throws Exception {
    Files.createDirectories(settings().getParent());
    Files.writeString(settings(), EXISTING);
    ClaudeHookInstaller installer = new ClaudeHookInstaller(repo);
    installer.install("bp", true, false);

    InstallReport report = installer.uninstall(false);

    assertThat(report.changed()).containsExactly("3 entries");
    assertThat(JSON.readTree(settings().toFile())).isEqualTo(JSON.readTree(EXISTING));
    assertThat(repo.resolve(".blueprint/hooks/claude-hook.sh")).doesNotExist();
    assertThat(installer.uninstall(false).changed()).isEmpty();
  }

  @Test
  void uninstallOfAFileHoldingOnlyItsEntriesLeavesAnEmptyObject() throws Exception {
    ClaudeHookInstaller installer = new ClaudeHookInstaller(repo);
    installer.install("bp", false, false);
    installer.uninstall(false);
    assertThat(JSON.readTree(settings().toFile())).isEqualTo(JSON.createObjectNode());
  }

  @Test
  void refusesToRewriteSettingsItCannotRead() throws Exception {
    Files.createDirectories(settings().getParent());
    Files.writeString(settings(), "{ \"hooks\": [1, 2,");
    assertThatThrownBy(() -> new ClaudeHookInstaller(repo).install("bp", false, false))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("settings.json: not valid JSON (line 1");
    assertThat(Files.readString(settings())).isEqualTo("{ \"hooks\": [1, 2,");
  }
}
