package dev.blueprint.tools.dispatch.process;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a child process from an argv and waits for it with a timeout.
 *
 * <p>Output goes straight from the child to its log files (the OS writes them, no pump threads), so
 * a flood of output costs no memory and a grandchild that keeps the streams open cannot block the
 * wait. The tails are read back from the files when the child ends.
 *
 * <p>On timeout the whole tree is killed: descendants are watched every 100 ms while the child runs
 * (a grandchild whose parent already died is reparented away from the tree and would otherwise be
 * missed), then sent SIGTERM, and after the grace period SIGKILL. Descendants still alive when the
 * child exits on its own are killed the same way, as a CI runner does at the end of a step.
 */
public final class ProcessRunner {
  /** Captured output kept in memory per stream: the BSF cap of 10 KB. */
  public static final int TAIL_BYTES = 10 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(ProcessRunner.class);
  private static final long WATCH_MILLIS = 100;

  private final LongSupplier nanoTime;

  public ProcessRunner() {
    this(System::nanoTime);
  }

  /**
   * @param nanoTime the monotonic clock used to measure durations
   */
  public ProcessRunner(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  public ProcessResult run(ProcessSpec spec) {
    ProcessBuilder pb = new ProcessBuilder(spec.argv()).directory(spec.workDir().toFile());
    Map<String, String> env = pb.environment();
    spec.env()
        .forEach(
            (k, v) -> {
              if (v == null) {
                env.remove(k);
              } else {
                env.put(k, v);
              }
            });
    try {
      Files.createDirectories(spec.logDir());
      Path stdin = spec.stdinFile();
      Files.writeString(stdin, spec.stdin() == null ? "" : spec.stdin(), StandardCharsets.UTF_8);
      pb.redirectInput(stdin.toFile());
    } catch (IOException e) {
      return new ProcessResult.NotStarted("cannot prepare logs in " + spec.logDir() + ": " + e);
    }
    pb.redirectOutput(spec.stdoutLog().toFile());
    pb.redirectError(spec.stderrLog().toFile());

    long start = nanoTime.getAsLong();
    Process process;
    try {
      process = pb.start();
    } catch (IOException e) {
      return new ProcessResult.NotStarted(
          "cannot start " + spec.argv().get(0) + ": " + e.getMessage());
    }
    Map<Long, ProcessHandle> seen = new LinkedHashMap<>();
    boolean exited = waitWatching(process, spec.timeout(), seen);
    if (exited) {
      killTree(process, seen, spec.grace());
      return new ProcessResult.Exited(process.exitValue(), output(spec, start));
    }
    LOG.debug("{} timed out after {}; killing its tree", spec.name(), spec.timeout());
    boolean forced = killTree(process, seen, spec.grace());
    return new ProcessResult.TimedOut(output(spec, start), forced);
  }

  private boolean waitWatching(Process p, Duration timeout, Map<Long, ProcessHandle> seen) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (true) {
        remember(p.toHandle(), seen);
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return !p.isAlive();
        }
        if (p.waitFor(
            Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, WATCH_MILLIS),
            TimeUnit.MILLISECONDS)) {
          return true;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void remember(ProcessHandle root, Map<Long, ProcessHandle> seen) {
    ProcessTree.descendants(root).forEach(h -> seen.putIfAbsent(h.pid(), h));
  }

  /**
   * Kills the child and every descendant seen or still attached: SIGTERM first, SIGKILL for what
   * survives the grace period. Returns whether SIGKILL was needed.
   */
  private static boolean killTree(Process p, Map<Long, ProcessHandle> seen, Duration grace) {
    remember(p.toHandle(), seen);
    List<ProcessHandle> tree = new ArrayList<>(seen.values());
    tree.add(p.toHandle());
    List<ProcessHandle> alive = tree.stream().filter(ProcessHandle::isAlive).toList();
    if (alive.isEmpty()) {
      return false;
    }
    alive.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + grace.toNanos();
    while (System.nanoTime() < deadline && alive.stream().anyMatch(ProcessHandle::isAlive)) {
      sleep(20);
    }
    // Anything forked during the grace period joins the tree too.
    remember(p.toHandle(), seen);
    List<ProcessHandle> survivors =
        new ArrayList<>(seen.values().stream().filter(ProcessHandle::isAlive).toList());
    if (p.isAlive()) {
      survivors.add(p.toHandle());
    }
    if (survivors.isEmpty()) {
      return false;
    }
    survivors.forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle h : survivors) {
      h.onExit().orTimeout(5, TimeUnit.SECONDS).exceptionally(t -> h).join();
    }
    return true;
  }

  private ProcessOutput output(ProcessSpec spec, long start) {
    Duration took = Duration.ofNanos(nanoTime.getAsLong() - start);
    return new ProcessOutput(
        tail(spec.stdoutLog()),
        tail(spec.stderrLog()),
        size(spec.stdoutLog()),
        size(spec.stderrLog()),
        spec.stdoutLog(),
        spec.stderrLog(),
        took);
  }

  /** The last {@link #TAIL_BYTES} of a file, decoded leniently (a cut character becomes U+FFFD). */
  static String tail(Path file) {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      long len = f.length();
      int n = (int) Math.min(len, TAIL_BYTES);
      byte[] buf = new byte[n];
      f.seek(len - n);
      f.readFully(buf);
      int from = 0;
      while (from < n && len > n && (buf[from] & 0xC0) == 0x80) {
        from++;
      }
      return new String(buf, from, n - from, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
