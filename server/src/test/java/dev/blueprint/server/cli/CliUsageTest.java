package dev.blueprint.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Usage mistakes end with exit code 2 and one line on stderr naming the problem, no trace. */
class CliUsageTest {

  @TempDir Path dir;

  @Test
  void validateOfAMissingFileNamesTheFile() {
    Path missing = dir.resolve("nope.bp.md");
    CliRun run = CliRun.of("validate", missing.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("bp: cannot read " + missing + ": no such file\n");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void planOfADirectoryIsAUsageError() {
    CliRun run = CliRun.of("plan", dir.toString(), "--json");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("bp: cannot read " + dir + ": it is a directory\n");
  }

  @Test
  void aFileThatIsNotUtf8IsAUsageErrorNamingIt() throws Exception {
    Path binary = dir.resolve("junk.bin");
    Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, 0x28});
    CliRun run = CliRun.of("validate", binary.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("bp: cannot read " + binary + ": not UTF-8 text\n");
  }

  @Test
  void planRejectsAParallelLimitBelowOne() {
    CliRun run = CliRun.of("plan", "any.bp.md", "--parallel", "0");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("bp: --parallel must be at least 1, got 0\n");
  }

  @Test
  void aMissingFileArgumentPrintsUsage() {
    CliRun run = CliRun.of("validate");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err())
        .contains("Missing required parameter: 'FILE'")
        .contains("Usage: bp validate");
    assertThat(run.err()).doesNotContain("Exception");
  }

  @Test
  void aNonNumericParallelIsAUsageError() {
    CliRun run = CliRun.of("plan", "x.md", "--parallel", "many");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("Invalid value for option '--parallel'");
  }

  @Test
  void helpListsBothCommands() {
    CliRun run = CliRun.of("--help");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("validate").contains("plan");
  }
}
