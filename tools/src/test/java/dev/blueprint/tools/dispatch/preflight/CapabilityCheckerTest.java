package dev.blueprint.tools.dispatch.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blueprint.tools.dispatch.process.ProcessRunner;
import dev.blueprint.tools.status.BsfError;
import dev.blueprint.tools.status.ErrorCode;
import dev.blueprint.tools.status.Phase;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real PATH lookups and real {@code --version} runs, on small tool scripts and on git and bash. */
class CapabilityCheckerTest {
  @TempDir Path dir;
  private CapabilityChecker checker;
  private CapabilityChecker onlyFakes;

  private void tool(Path bin, String name, String versionLine, boolean toStderr) throws Exception {
    Path p = bin.resolve(name);
    Files.writeString(p, "#!/bin/sh\necho '" + versionLine + "'" + (toStderr ? " >&2" : "") + "\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @BeforeEach
  void setUp() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    tool(bin, "node", "v20.11.0", false);
    tool(bin, "jq", "jq-1.6", false);
    tool(bin, "python3", "Python 3.11.4", true);
    Path notExecutable = bin.resolve("ghost");
    Files.writeString(notExecutable, "#!/bin/sh\n");
    String path = bin + File.pathSeparator + System.getenv("PATH");
    checker =
        new CapabilityChecker(path, new ProcessRunner(), dir.resolve("scratch"), Clock.systemUTC());
    // Only the scripts above: the machine's own python or node cannot answer instead.
    onlyFakes =
        new CapabilityChecker(
            bin.toString(), new ProcessRunner(), dir.resolve("scratch"), Clock.systemUTC());
  }

  private Optional<BsfError> check(String... reqs) {
    return checker.check("T1", List.of(reqs));
  }

  @Test
  void acceptsToolsThatArePresentInTheRightVersion() {
    assertThat(
            check(
                "node20",
                "node>=18",
                "node^20",
                "node~20.11",
                "jq==1.6",
                "python3.11",
                "python~3.11",
                "git",
                "bash"))
        .isEmpty();
  }

  @Test
  void namesEveryUnmetRequirementInOneError() {
    Optional<BsfError> e =
        onlyFakes.check(
            "T1", List.of("node>=21", "jq==1.7", "ghost", "nosuchtool", "python~3.10", "node20"));

    assertThat(e).isPresent();
    assertThat(e.get().code()).isEqualTo(ErrorCode.E_CAPABILITY_MISSING);
    assertThat(e.get().phase()).isEqualTo(Phase.PREFLIGHT);
    assertThat(e.get().taskId()).isEqualTo("T1");
    assertThat(e.get().message())
        .isEqualTo(
            "missing capabilities: node>=21: found node 20.11.0 at "
                + dir.resolve("bin/node")
                + "; jq==1.7: found jq 1.6 at "
                + dir.resolve("bin/jq")
                + "; ghost: ghost not found on PATH"
                + "; nosuchtool: nosuchtool not found on PATH"
                + "; python~3.10: found python 3.11.4 at "
                + dir.resolve("bin/python3"));
  }

  @Test
  void anEmptyPathFindsNothing() {
    CapabilityChecker empty =
        new CapabilityChecker("", new ProcessRunner(), dir, Clock.systemUTC());
    assertThat(empty.check("T2", List.of("bash")).orElseThrow().message())
        .isEqualTo("missing capabilities: bash: bash not found on PATH");
  }
}
