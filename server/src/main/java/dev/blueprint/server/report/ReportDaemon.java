package dev.blueprint.server.report;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A repository's report daemon: a JVM that stays up after a {@code bp report} so the next ones skip
 * the JVM start (0.2 s here, more than an incremental report's own work). It is an accelerator
 * only: every request runs the report from scratch through {@link ReportRunner} (the on-disk cache,
 * the new commits, the rendering), so its answer is what a fresh process would print.
 *
 * <p>It listens on 127.0.0.1 only, on an ephemeral port, and answers only callers that present the
 * random token of {@code .blueprint/report-daemon} (an owner-only file). One request at a time (the
 * cache is one SQLite file). Replies are one status line, then for {@code ok} the report's stdout
 * bytes until the connection closes:
 *
 * <ul>
 *   <li>{@code ok 0}: served; the bytes follow.
 *   <li>{@code fallback REASON}: run the JVM path.
 *   <li>{@code refused REASON}: a malformed request or a wrong token.
 *   <li>{@code stopped}: the answer to a stop request.
 * </ul>
 *
 * <p>It ends after {@code idle} without requests, when {@code .blueprint/report-daemon} no longer
 * names it (another daemon replaced it, the folder was removed), on a stop request, and on a
 * request from another jar (the launcher's jar was rebuilt: this JVM runs old code).
 */
public final class ReportDaemon implements AutoCloseable {
  /** The first argument that makes the report entry point run a daemon instead of a report. */
  public static final String SERVE_FLAG = "--serve-report-daemon";

  /** How the daemon ended. */
  public enum End {
    IDLE,
    REPLACED,
    STOPPED,
    OTHER_JAR
  }

  private static final Logger LOG = LoggerFactory.getLogger(ReportDaemon.class);
  private static final Duration TICK = Duration.ofSeconds(1);
  private static final Duration REQUEST_READ_TIMEOUT = Duration.ofSeconds(10);

  private final Path workTree;
  private final ReportRunner runner;
  private final Duration idle;
  private final ServerSocket socket;
  private final ReportDaemonFile file;

  private ReportDaemon(
      Path workTree, ReportRunner runner, Duration idle, ServerSocket socket, ReportDaemonFile f) {
    this.workTree = workTree;
    this.runner = runner;
    this.idle = idle;
    this.socket = socket;
    this.file = f;
  }

  /**
   * Binds 127.0.0.1 on an ephemeral port and publishes it in {@code .blueprint/report-daemon}.
   *
   * @param jarKey the launcher's key of the jar this JVM runs ({@code size-mtime})
   */
  public static ReportDaemon bind(Path workTree, String jarKey, Duration idle, ReportRunner runner)
      throws IOException {
    ServerSocket socket = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
    try {
      byte[] secret = new byte[32];
      new SecureRandom().nextBytes(secret);
      ReportDaemonFile f =
          new ReportDaemonFile(
              socket.getLocalPort(),
              HexFormat.of().formatHex(secret),
              jarKey,
              ProcessHandle.current().pid());
      f.write(ReportDaemonFile.path(workTree));
      return new ReportDaemon(workTree, runner, idle, socket, f);
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  /** The idle timeout from {@code BP_REPORT_DAEMON_IDLE} (seconds), 15 minutes by default. */
  public static Duration idleFromEnvironment() {
    String v = System.getenv("BP_REPORT_DAEMON_IDLE");
    try {
      return v == null || v.isBlank()
          ? Duration.ofMinutes(15)
          : Duration.ofSeconds(Math.max(1, Long.parseLong(v.strip())));
    } catch (NumberFormatException e) {
      return Duration.ofMinutes(15);
    }
  }

  public ReportDaemonFile file() {
    return file;
  }

  /**
   * Runs the report once for nothing, as the launcher's client would ask for it, so the first
   * request finds its classes loaded and compiled (0.5 s cold against 0.06 s warm here). It does
   * what any {@code bp report} does, the cache included, and its output is dropped.
   */
  public void warmUp() {
    try {
      runner.run(workTree, workTree, java.util.List.of("--json"));
      runner.run(workTree, workTree, java.util.List.of());
    } catch (RuntimeException | Error e) {
      LOG.debug("report daemon: warm-up failed: {}", e.toString());
    }
  }

  /** Serves requests one at a time until one of the {@link End} conditions. */
  public End serve() throws IOException {
    socket.setSoTimeout((int) Math.min(TICK.toMillis(), idle.toMillis()));
    long last = System.nanoTime();
    while (true) {
      if (!fileNamesThisDaemon()) {
        return End.REPLACED;
      }
      if (System.nanoTime() - last >= idle.toNanos()) {
        return End.IDLE;
      }
      Socket client;
      try {
        client = socket.accept();
      } catch (SocketTimeoutException e) {
        continue;
      }
      Optional<End> end = handle(client);
      last = System.nanoTime();
      if (end.isPresent()) {
        return end.get();
      }
    }
  }

  private Optional<End> handle(Socket client) {
    try (client) {
      client.setSoTimeout((int) REQUEST_READ_TIMEOUT.toMillis());
      OutputStream out = client.getOutputStream();
      ReportRequest request;
      try {
        request = ReportRequest.read(new BufferedInputStream(client.getInputStream()));
      } catch (IOException e) {
        status(out, "refused malformed");
        return Optional.empty();
      }
      if (!MessageDigest.isEqual(bytes(request.token()), bytes(file.token()))) {
        LOG.warn("report daemon: refused a request with a wrong token");
        status(out, "refused token");
        return Optional.empty();
      }
      if (!request.jarKey().equals(file.jarKey())) {
        status(out, "fallback other-jar");
        return Optional.of(End.OTHER_JAR);
      }
      if (ReportRequest.STOP.equals(request.op())) {
        status(out, "stopped");
        return Optional.of(End.STOPPED);
      }
      if (!ReportRequest.REPORT.equals(request.op())) {
        status(out, "refused operation");
        return Optional.empty();
      }
      if (!request.env().equals(ReportRequest.environment())) {
        status(out, "fallback environment");
        return Optional.empty();
      }
      ReportReply reply;
      try {
        reply = runner.run(workTree, request.cwd(), request.args());
      } catch (RuntimeException | Error e) {
        LOG.warn("report daemon: the report failed: {}", e.toString());
        reply = new ReportReply.Fallback("internal");
      }
      if (reply instanceof ReportReply.Served served) {
        out.write("ok 0\n".getBytes(StandardCharsets.US_ASCII));
        out.write(served.stdout());
        out.flush();
      } else if (reply instanceof ReportReply.Fallback fallback) {
        status(out, "fallback " + fallback.reason());
      }
    } catch (IOException e) {
      // The client went away mid-reply: nothing to answer, keep serving.
      LOG.debug("report daemon: client connection failed: {}", e.toString());
    }
    return Optional.empty();
  }

  private boolean fileNamesThisDaemon() {
    return ReportDaemonFile.read(ReportDaemonFile.path(workTree))
        .map(f -> f.equals(file))
        .orElse(false);
  }

  private static void status(OutputStream out, String line) throws IOException {
    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Closes the socket and removes {@code .blueprint/report-daemon} if it still names this one. */
  @Override
  public void close() throws IOException {
    socket.close();
    if (fileNamesThisDaemon()) {
      java.nio.file.Files.deleteIfExists(ReportDaemonFile.path(workTree));
    }
  }
}
