package dev.blueprint.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryScanTest {
  @TempDir Path dir;

  @Test
  void findsBlueprintsByNameOrTaskBlocksAndSkipsHiddenAndBuildFolders() throws Exception {
    Path repo = TestRepository.copyInto(dir.resolve("repo"));
    Files.createDirectories(repo.resolve("target"));
    Files.writeString(repo.resolve("target/copy.bp.md"), "x");
    Files.createDirectories(repo.resolve(".hidden"));
    Files.writeString(repo.resolve(".hidden/h.bp.yaml"), "x");
    Files.writeString(repo.resolve("plan.bp.json"), "{}");
    RepositoryScan scan = new RepositoryScan(new RepositoryRoot(repo));
    assertThat(scan.blueprints())
        .containsExactly(TestRepository.CYCLE, TestRepository.EXAMPLE, "plan.bp.json");
    assertThat(scan.sessions()).containsExactly(TestRepository.JOURNAL);
  }
}
