package dev.blueprint.tools.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {
  @TempDir Path dir;

  @Test
  void endOfLogStartsAtALineAndOffsetsContinueWhereTheLastReadStopped() throws Exception {
    Path log = dir.resolve("t.log");
    Files.writeString(log, "first line\nsecond line\nthird\n");

    LogTail end = LogTail.read(log, null, 16);
    assertThat(end.text()).isEqualTo("third\n");
    assertThat(end.nextOffset()).isEqualTo(Files.size(log));

    Files.writeString(log, "fourth\n", StandardOpenOption.APPEND);
    LogTail more = LogTail.read(log, end.nextOffset(), 1024);
    assertThat(more.text()).isEqualTo("fourth\n");
    assertThat(more.offset()).isEqualTo(end.nextOffset());
  }

  @Test
  void neverSplitsACharacterAcrossReads() throws Exception {
    Path log = dir.resolve("u.log");
    Files.write(log, "ab✓cd".getBytes(StandardCharsets.UTF_8));

    LogTail first = LogTail.read(log, 0L, 3);
    assertThat(first.text()).isEqualTo("ab");
    LogTail second = LogTail.read(log, first.nextOffset(), 100);
    assertThat(second.text()).isEqualTo("✓cd");
  }

  @Test
  void aMissingLogIsEmpty() {
    assertThat(LogTail.read(dir.resolve("none"), null, 10).text()).isEmpty();
  }
}
