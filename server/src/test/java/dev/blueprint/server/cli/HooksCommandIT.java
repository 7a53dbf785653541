package dev.blueprint.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bp hooks} end to end on a plain folder. */
class HooksCommandIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path repo;

  @Test
  void installsIdempotentlyAndUninstallsOnlyItsOwn() throws Exception {
    Path settings = repo.resolve(".claude/settings.json");
    Files.createDirectories(settings.getParent());
    Files.writeString(settings, "{\"env\": {\"FOO\": \"1\"}}\n");

    CliRun first =
        CliRun.of("hooks", "install", "--repo", repo.toString(), "--stop", "--bp", "/opt/bp");
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out())
        .contains(
            "added SessionStart hook to " + settings,
            "added SessionEnd hook",
            "added Stop hook",
            "hook script: "
                + repo.resolve(".blueprint/hooks/claude-hook.sh")
                + " (starts /opt/bp)");
    JsonNode s = JSON.readTree(settings.toFile());
    assertThat(s.at("/env/FOO").asText()).isEqualTo("1");
    assertThat(s.at("/hooks/SessionEnd/0/hooks/0/command").asText())
        .contains(".blueprint/hooks/claude-hook.sh");

    CliRun second =
        CliRun.of("hooks", "install", "--repo", repo.toString(), "--stop", "--bp", "/opt/bp");
    assertThat(second.out())
        .contains("SessionStart hook already installed")
        .doesNotContain("added");

    CliRun un = CliRun.of("hooks", "uninstall", "--repo", repo.toString());
    assertThat(un.exit()).isZero();
    assertThat(un.out()).startsWith("removed 3 entries from ");
    assertThat(JSON.readTree(settings.toFile()))
        .isEqualTo(JSON.readTree("{\"env\": {\"FOO\": \"1\"}}"));
  }

  @Test
  void reportsWhatItDidAsJsonAndFlagsAForeignGitHook() throws Exception {
    JGitIsolation.apply(Files.createDirectories(repo.resolveSibling(repo.getFileName() + "-home")));
    Git.init().setDirectory(repo.toFile()).call().close();
    Path hooks = Files.createDirectories(repo.resolve(".git/hooks"));
    Files.writeString(hooks.resolve("prepare-commit-msg"), "#!/bin/sh\necho theirs\n");

    CliRun r =
        CliRun.of("hooks", "install", "--repo", repo.toString(), "--git", "--json", "--bp", "bp");

    assertThat(r.exit()).isEqualTo(1);
    JsonNode j = JSON.readTree(r.out());
    assertThat(j.path("schema_version").asInt()).isEqualTo(1);
    assertThat(j.path("changed").toString()).isEqualTo("[\"SessionStart\",\"SessionEnd\"]");
    assertThat(j.at("/git_hook/outcome").asText()).isEqualTo("foreign_hook_kept");
    assertThat(Files.readString(hooks.resolve("prepare-commit-msg")))
        .isEqualTo("#!/bin/sh\necho theirs\n");
  }

  @Test
  void reportsUnreadableSettingsAsBadInput() throws Exception {
    Path settings = repo.resolve(".claude/settings.json");
    Files.createDirectories(settings.getParent());
    Files.writeString(settings, "[]");
    CliRun r = CliRun.of("hooks", "install", "--repo", repo.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("bp: " + settings + ": not a JSON object");
  }
}
