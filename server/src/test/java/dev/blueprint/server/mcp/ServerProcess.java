package dev.blueprint.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bp serve} as a real child process, run from the shaded jar the build made in the package
 * phase, exactly as the {@code bp} launcher runs it.
 */
final class ServerProcess implements AutoCloseable {
  private static final Pattern SERVING = Pattern.compile("at (http://\\S+?)/mcp ");

  private final Process process;
  private final StringBuffer stderr = new StringBuffer();
  private final CountDownLatch ready = new CountDownLatch(1);
  private volatile String baseUrl;

  private ServerProcess(Process process) {
    this.process = process;
    Thread drain =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  stderr.append(line).append('\n');
                  Matcher m = SERVING.matcher(line);
                  if (m.find()) {
                    baseUrl = m.group(1);
                    ready.countDown();
                  }
                }
              } catch (IOException e) {
                // process ended
              }
              ready.countDown();
            },
            "server-stderr");
    drain.setDaemon(true);
    drain.start();
  }

  static Path jar() {
    Path jar = Path.of("target", "bp.jar").toAbsolutePath();
    assertThat(jar).as("the shaded jar from the package phase").exists();
    return jar;
  }

  /** The command that runs {@code bp} with these arguments. */
  static List<String> command(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(
        List.of(
            "-Xlog:disable",
            "-Xlog:all=warning:stderr",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-jar",
            jar().toString()));
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** Starts {@code bp serve} with stdin and stdout as pipes (for stdio tests). */
  static Process startStdio(Path repo, String... extraArgs) throws IOException {
    List<String> args = new ArrayList<>(List.of("serve", "--repo", repo.toString()));
    args.addAll(List.of(extraArgs));
    ProcessBuilder pb = new ProcessBuilder(command(args.toArray(String[]::new)));
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    return pb.start();
  }

  /** Starts {@code bp serve --http ...} and waits until it says where it listens. */
  static ServerProcess startHttp(Path repo, Map<String, String> env, String... serveArgs)
      throws Exception {
    List<String> args = new ArrayList<>(List.of("serve", "--repo", repo.toString()));
    args.addAll(List.of(serveArgs));
    ProcessBuilder pb = new ProcessBuilder(command(args.toArray(String[]::new)));
    pb.environment().remove("BP_TOKEN");
    pb.environment().putAll(env);
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    ServerProcess server = new ServerProcess(pb.start());
    boolean started = server.ready.await(60, TimeUnit.SECONDS) && server.baseUrl != null;
    if (!started) {
      server.close();
      throw new AssertionError("server did not start:\n" + server.stderr);
    }
    return server;
  }

  String baseUrl() {
    return baseUrl;
  }

  int port() {
    return Integer.parseInt(baseUrl.substring(baseUrl.lastIndexOf(':') + 1));
  }

  String stderr() {
    return stderr.toString();
  }

  static String token(Path repo) throws IOException {
    return Files.readString(repo.resolve(".blueprint/token")).trim();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
