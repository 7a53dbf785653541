package dev.blueprint.server.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Java side of the daemon's wire protocol: {@code bp report --stop-daemon}, and one request
 * with its raw reply (tests, benchmarks). The launcher's client is bash ({@code report-client.sh}).
 */
public final class ReportDaemonClient {
  private static final int CONNECT_TIMEOUT_MS = 2000;

  private ReportDaemonClient() {}

  /** The outcome of {@link #stop}. */
  public enum Stopped {
    STOPPED,
    NONE_RUNNING,
    STALE_FILE_REMOVED
  }

  /** Sends one request to 127.0.0.1:{@code port} and returns the whole reply. */
  public static byte[] exchange(int port, ReportRequest request) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MS);
      s.setSoTimeout(600_000);
      s.getOutputStream().write(request.encode());
      s.getOutputStream().flush();
      ByteArrayOutputStream reply = new ByteArrayOutputStream();
      InputStream in = s.getInputStream();
      in.transferTo(reply);
      return reply.toByteArray();
    }
  }

  /** Stops the work tree's daemon, if one is listening, and removes its file. */
  public static Stopped stop(Path workTree) throws IOException {
    Path path = ReportDaemonFile.path(workTree);
    Optional<ReportDaemonFile> file = ReportDaemonFile.read(path);
    if (file.isEmpty()) {
      return Stopped.NONE_RUNNING;
    }
    ReportDaemonFile f = file.get();
    ReportRequest stop =
        new ReportRequest(
            ReportRequest.STOP,
            f.token(),
            f.jarKey(),
            workTree,
            ReportRequest.environment(),
            List.of());
    boolean answered;
    try {
      answered = new String(exchange(f.port(), stop), StandardCharsets.UTF_8).startsWith("stopped");
    } catch (IOException e) {
      answered = false;
    }
    // The daemon removes the file as it ends; removing it here as well covers a dead one.
    Files.deleteIfExists(path);
    if (answered) {
      awaitExit(f.pid());
      return Stopped.STOPPED;
    }
    return Stopped.STALE_FILE_REMOVED;
  }

  /**
   * Waits (a while) for a daemon process to end; a daemon inside this JVM (tests) is not waited.
   */
  private static void awaitExit(long pid) {
    if (pid == ProcessHandle.current().pid()) {
      return;
    }
    ProcessHandle.of(pid)
        .ifPresent(
            p -> {
              try {
                p.onExit().get(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (ExecutionException | TimeoutException e) {
                // Still ending: its file is gone, so it stops at its next check anyway.
              }
            });
  }
}
