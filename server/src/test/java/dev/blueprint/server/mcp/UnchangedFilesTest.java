package dev.blueprint.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A blueprint file read again unchanged is answered from its status alone; any change to it (even
 * one that keeps its size and modification time), a write too recent to judge, a link put in its
 * place or its removal sends the call back to a real read. Real files on disk.
 */
class UnchangedFilesTest {
  @TempDir Path dir;

  Path repo;
  Path file;
  MovableClock clock;
  BlueprintSource source;

  @BeforeEach
  void setUp() throws IOException {
    repo = Files.createDirectories(dir.resolve("repo"));
    file = repo.resolve("a.bp.md");
    Files.writeString(file, "# A\n\n```yaml\nid: T1\n```\n");
    clock = new MovableClock(Instant.now());
    source =
        new BlueprintSource(
            new RepositoryRoot(repo), 1 << 20, new UnchangedFiles(clock, Duration.ofSeconds(2)));
  }

  @Test
  void anUnchangedFileIsAnsweredWithoutReadingItAgain() {
    clock.advance(Duration.ofSeconds(10));
    BlueprintSource.Loaded first = source.fromPath("a.bp.md");
    BlueprintSource.Loaded second = source.fromPath("a.bp.md");
    assertThat(source.fileReads()).isEqualTo(1);
    assertThat(second).isSameAs(first);
    assertThat(((BlueprintSource.Read) second).sourceName()).isEqualTo("a.bp.md");
  }

  @Test
  void anEditKeepingSizeAndModificationTimeIsStillSeen() throws Exception {
    FileTime modified = Files.getLastModifiedTime(file);
    // Past the file system's timestamp tick, so the edit gets a later status change time.
    Thread.sleep(50);
    clock.advance(Duration.ofSeconds(10));
    source.fromPath("a.bp.md");
    Files.writeString(file, "# B\n\n```yaml\nid: T2\n```\n");
    Files.setLastModifiedTime(file, modified);

    BlueprintSource.Loaded again = source.fromPath("a.bp.md");

    assertThat(((BlueprintSource.Read) again).text()).contains("id: T2");
    assertThat(source.fileReads()).isEqualTo(2);
  }

  @Test
  void aFileWrittenJustBeforeItsReadIsReadEveryTimeUntilItHasAged() {
    source.fromPath("a.bp.md");
    source.fromPath("a.bp.md");
    assertThat(source.fileReads()).as("written within the racy margin").isEqualTo(2);

    clock.advance(Duration.ofSeconds(10));
    source.fromPath("a.bp.md");
    source.fromPath("a.bp.md");
    assertThat(source.fileReads()).as("one more read, then its status answers").isEqualTo(3);
  }

  @Test
  void aFileReplacedByALinkToOutsideTheRepositoryIsRefused() throws IOException {
    clock.advance(Duration.ofSeconds(10));
    source.fromPath("a.bp.md");
    Path outside = Files.writeString(dir.resolve("secret.md"), "# A\n\n```yaml\nid: T9\n```\n");
    Files.delete(file);
    Files.createSymbolicLink(file, outside);

    assertThat(source.fromPath("a.bp.md")).isInstanceOf(BlueprintSource.Refused.class);
  }

  @Test
  void aDeletedFileIsNoLongerAnswered() throws IOException {
    clock.advance(Duration.ofSeconds(10));
    source.fromPath("a.bp.md");
    Files.delete(file);

    assertThat(source.fromPath("a.bp.md"))
        .isEqualTo(new BlueprintSource.Refused("no such file in the repository: a.bp.md"));
  }

  /** A clock the test moves, to age a file's status without waiting. */
  static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
