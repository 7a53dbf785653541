package dev.blueprint.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryRootTest {
  @TempDir Path dir;

  @Test
  void resolvesPathsInsideAndRefusesEscapesServerStateAndGit() throws Exception {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Files.writeString(repo.resolve("a.bp.md"), "x");
    RepositoryRoot root = new RepositoryRoot(repo);
    assertThat(root.resolve("a.bp.md")).contains(repo.toRealPath().resolve("a.bp.md"));
    assertThat(root.resolve("sub/../a.bp.md")).isPresent();
    assertThat(root.resolve("../outside")).isEmpty();
    assertThat(root.resolve("/etc/passwd")).isEmpty();
    assertThat(root.resolve(".blueprint/token")).isEmpty();
    assertThat(root.resolve(".git/config")).isEmpty();
    assertThat(root.resolve("")).isEmpty();
  }

  @Test
  void refusesSymbolicLinksThatPointOutside() throws Exception {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Path secret = Files.writeString(dir.resolve("secret.md"), "s");
    Files.createSymbolicLink(repo.resolve("link.md"), secret);
    assertThat(new RepositoryRoot(repo).resolve("link.md")).isEmpty();
  }
}
