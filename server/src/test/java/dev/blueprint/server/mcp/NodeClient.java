package dev.blueprint.server.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code src/test/node/client.mjs}, the official TypeScript SDK client, with a plan of calls
 * and returns what it printed. Installs the client's npm packages ({@code npm ci}) on first use.
 */
final class NodeClient {
  static final Path DIR = Path.of("src", "test", "node").toAbsolutePath();
  static final ObjectMapper JSON = new ObjectMapper();

  private NodeClient() {}

  static synchronized void ensureInstalled() throws Exception {
    if (Files.isDirectory(DIR.resolve("node_modules/@modelcontextprotocol/sdk"))) {
      return;
    }
    Process npm =
        new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
            .directory(DIR.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
      throw new AssertionError("npm ci failed in " + DIR + ":\n" + output);
    }
  }

  /** Runs the client: {@code transport} is {@code --stdio CMD...}, {@code --http URL} or SSE. */
  static JsonNode run(Path workDir, Object plan, Map<String, String> env, List<String> transport)
      throws Exception {
    return run("client.mjs", workDir, plan, env, transport);
  }

  /** Runs another client script of {@code src/test/node} the same way. */
  static JsonNode run(
      String script, Path workDir, Object plan, Map<String, String> env, List<String> transport)
      throws Exception {
    ensureInstalled();
    Path planFile = Files.createTempFile(workDir, "plan", ".json");
    JSON.writeValue(planFile.toFile(), plan);
    List<String> cmd = new ArrayList<>(List.of("node", DIR.resolve(script).toString()));
    cmd.add(planFile.toString());
    cmd.addAll(transport);
    Path err = Files.createTempFile(workDir, "client", ".err");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(err.toFile());
    pb.environment().remove("BP_TOKEN");
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("client timed out:\n" + Files.readString(err));
    }
    if (p.exitValue() != 0) {
      throw new AssertionError(
          "client failed (" + p.exitValue() + "):\n" + Files.readString(err) + readable(out));
    }
    return JSON.readTree(out);
  }

  private static String readable(byte[] out) throws IOException {
    return new String(out, StandardCharsets.UTF_8);
  }
}
