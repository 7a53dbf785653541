package dev.blueprint.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;

/** Medians, wall times of child processes and heap peaks: the bench's only ways to measure. */
final class Timings {
  private Timings() {}

  static double medianMillis(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    double mid = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    return mid / 1e6;
  }

  static double minMillis(long[] nanos) {
    return Arrays.stream(nanos).min().orElse(0) / 1e6;
  }

  static double maxMillis(long[] nanos) {
    return Arrays.stream(nanos).max().orElse(0) / 1e6;
  }

  /**
   * Samples the heap in use every millisecond on a daemon thread and keeps the highest value: the
   * peak a person would see in a monitor, garbage not yet collected included.
   */
  static final class HeapPeak implements AutoCloseable {
    private final java.lang.management.MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final java.util.concurrent.atomic.AtomicLong peak =
        new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean running = true;
    private final Thread thread;

    HeapPeak() {
      System.gc();
      thread =
          new Thread(
              () -> {
                while (running) {
                  peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                  try {
                    Thread.sleep(1);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "heap-peak");
      thread.setDaemon(true);
      thread.start();
    }

    double mib() {
      peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
      return peak.get() / (1024.0 * 1024.0);
    }

    @Override
    public void close() throws InterruptedException {
      running = false;
      thread.join();
    }
  }

  /** Heap in use after a full collection, in MiB: what the live objects hold. */
  static double liveHeapMib() {
    System.gc();
    Runtime rt = Runtime.getRuntime();
    return (rt.totalMemory() - rt.freeMemory()) / (1024.0 * 1024.0);
  }

  /** What {@link #runProcess} returns when the command did not finish in time. */
  static final long TIMED_OUT = -2;

  /**
   * Runs a command in {@code dir} with its output discarded; returns wall nanos, {@link #TIMED_OUT}
   * when it ran past {@code timeoutSeconds} (it and its children are then killed), or -1 when it
   * could not start.
   */
  static long runProcess(List<String> command, java.nio.file.Path dir, long timeoutSeconds)
      throws InterruptedException {
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    long t0 = System.nanoTime();
    Process p;
    try {
      p = pb.start();
    } catch (java.io.IOException e) {
      return -1;
    }
    if (!p.waitFor(timeoutSeconds, java.util.concurrent.TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      p.waitFor();
      return TIMED_OUT;
    }
    return System.nanoTime() - t0;
  }
}
