package dev.blueprint.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.List;

/** Medians, wall times of child processes and heap peaks: the bench's only ways to measure. */
final class Timings {
  private static final List<MemoryPoolMXBean> HEAP =
      ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(p -> p.getType() == MemoryType.HEAP)
          .toList();

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

  /** Collects, then starts counting heap peaks afresh. */
  static void resetHeapPeak() {
    System.gc();
    HEAP.forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  /**
   * The sum of every heap pool's peak since the last reset, in MiB. Pools peak at different
   * moments, so this is an upper bound of the real peak.
   */
  static double heapPeakMib() {
    return HEAP.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024.0 * 1024.0);
  }

  /** Heap in use after a full collection, in MiB: what the live objects hold. */
  static double liveHeapMib() {
    System.gc();
    Runtime rt = Runtime.getRuntime();
    return (rt.totalMemory() - rt.freeMemory()) / (1024.0 * 1024.0);
  }

  /** Runs a command with its output discarded; returns wall nanos, or -1 when it failed to run. */
  static long runProcess(List<String> command, int[] exitCode) throws InterruptedException {
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    long t0 = System.nanoTime();
    try {
      Process p = pb.start();
      exitCode[0] = p.waitFor();
    } catch (java.io.IOException e) {
      return -1;
    }
    return System.nanoTime() - t0;
  }
}
