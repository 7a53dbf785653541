package dev.blueprint.server.report;

import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a repository's report daemon after a {@code bp report} in a fresh JVM, when none of this
 * jar is alive: the same java command and flags (AppCDS archive included), read from this process's
 * own command line, with {@link ReportDaemon#SERVE_FLAG} in place of the report's arguments. The
 * child gets no descriptor of ours (stdin and stdout are /dev/null, stderr a log in .blueprint/),
 * so a caller that reads our output to its end is never held open by it, and runs in its own
 * session ({@code setsid}) so a Ctrl-C in the terminal does not reach it.
 */
public final class ReportDaemonStarter {
  private static final Logger LOG = LoggerFactory.getLogger(ReportDaemonStarter.class);
  private static final Path SETSID = Path.of("/usr/bin/setsid");

  private ReportDaemonStarter() {}

  /**
   * Starts a daemon for {@code workTree} unless one of {@code jarKey} is alive; never fails the
   * report (a daemon is an accelerator).
   *
   * @param mainClass the entry point this JVM was started with; its daemon runs the same one
   */
  public static void startIfNone(Path workTree, String jarKey, String mainClass) {
    try {
      Optional<ReportDaemonFile> current = ReportDaemonFile.read(ReportDaemonFile.path(workTree));
      if (current.isPresent()
          && current.get().jarKey().equals(jarKey)
          && ProcessHandle.of(current.get().pid()).map(ProcessHandle::isAlive).orElse(false)) {
        return;
      }
      Optional<List<String>> command = daemonCommand(workTree, jarKey, mainClass);
      if (command.isEmpty()) {
        return;
      }
      Path blueprint = Files.createDirectories(workTree.resolve(".blueprint"));
      new ProcessBuilder(command.get())
          .directory(workTree.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(blueprint.resolve("report-daemon.log").toFile())
          .start();
    } catch (IOException | RuntimeException e) {
      LOG.debug("report daemon not started: {}", e.toString());
    }
  }

  /** This JVM's command line up to its main class, then the daemon's arguments. */
  static Optional<List<String>> daemonCommand(Path workTree, String jarKey, String mainClass) {
    List<String> line = ownCommandLine();
    int main = line.indexOf(mainClass);
    if (main < 1) {
      return Optional.empty();
    }
    List<String> command = new ArrayList<>();
    if (Files.isExecutable(SETSID)) {
      command.add(SETSID.toString());
    }
    command.addAll(line.subList(0, main));
    command.addAll(List.of(mainClass, ReportDaemon.SERVE_FLAG, workTree.toString(), jarKey));
    return Optional.of(command);
  }

  /**
   * The executable and arguments of this process. Linux's {@code /proc/self/cmdline} first:
   * ProcessHandle reads only its first page, and gives no arguments for a longer line (a long class
   * path).
   */
  private static List<String> ownCommandLine() {
    try {
      byte[] raw = Files.readAllBytes(Path.of("/proc/self/cmdline"));
      List<String> parts = new ArrayList<>();
      int start = 0;
      for (int i = 0; i < raw.length; i++) {
        if (raw[i] == 0) {
          parts.add(new String(raw, start, i - start, Charset.defaultCharset()));
          start = i + 1;
        }
      }
      if (!parts.isEmpty()) {
        // The executable as the kernel resolved it: argv[0] may be a bare "java" found in PATH.
        ProcessHandle.current().info().command().ifPresent(java -> parts.set(0, java));
        return parts;
      }
    } catch (IOException | UnsupportedOperationException e) {
      // Not Linux: ProcessHandle below.
    }
    ProcessHandle.Info info = ProcessHandle.current().info();
    List<String> parts = new ArrayList<>();
    info.command().ifPresent(parts::add);
    info.arguments().ifPresent(a -> parts.addAll(List.of(a)));
    return parts;
  }
}
