package dev.blueprint.journal.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspacePathTest {
  @TempDir Path tmp;

  @Test
  void resolvesPathsInsideTheRootIncludingOnesNotYetCreated() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("ws"));
    Files.createDirectories(root.resolve("src"));
    assertThat(WorkspacePath.resolve(root, "src/Main.java"))
        .isEqualTo(root.toRealPath().resolve("src/Main.java"));
    assertThat(WorkspacePath.resolve(root, "new/dir/../file.txt"))
        .isEqualTo(root.toRealPath().resolve("new/file.txt"));
    assertThat(WorkspacePath.repoRelative(root, "./src/../src/a.txt")).isEqualTo("src/a.txt");
  }

  @Test
  void refusesDotDotAndAbsolutePathsOutsideTheRoot() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("ws"));
    assertThatThrownBy(() -> WorkspacePath.resolve(root, "../outside.txt"))
        .isInstanceOf(GitLayerException.class)
        .hasMessageContaining("outside")
        .extracting(e -> ((GitLayerException) e).code())
        .isEqualTo("E_PATH_ESCAPES");
    assertThatThrownBy(() -> WorkspacePath.resolve(root, "a/../../b"))
        .isInstanceOf(GitLayerException.class);
    assertThatThrownBy(() -> WorkspacePath.resolve(root, "/etc/passwd"))
        .isInstanceOf(GitLayerException.class);
  }

  @Test
  void refusesSymlinksThatPointOutEvenWhenTheTargetDoesNotExist() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("ws"));
    Path outside = Files.createDirectories(tmp.resolve("secret"));
    Files.createSymbolicLink(root.resolve("link"), outside);
    Files.createSymbolicLink(root.resolve("dangling"), tmp.resolve("nowhere"));
    Files.createSymbolicLink(root.resolve("inner"), root.resolve("."));
    assertThatThrownBy(() -> WorkspacePath.resolve(root, "link/key.pem"))
        .isInstanceOf(GitLayerException.class);
    assertThatThrownBy(() -> WorkspacePath.resolve(root, "link"))
        .isInstanceOf(GitLayerException.class);
    assertThatThrownBy(() -> WorkspacePath.resolve(root, "dangling"))
        .isInstanceOf(GitLayerException.class);
    assertThat(WorkspacePath.resolve(root, "inner/file.txt").toString())
        .startsWith(root.toRealPath().toString());
  }
}
