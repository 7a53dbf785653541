package dev.blueprint.tools.dispatch.process;

import java.util.Arrays;

/**
 * Benchmark (not a test): cost of one look at a child's descendants, /proc walk against {@link
 * ProcessHandle#descendants()}, interleaved, medians of 9 rounds of 50 looks. Run with {@code java
 * -cp tools/target/classes:tools/target/test-classes
 * dev.blueprint.tools.dispatch.process.ProcessTreeBench}.
 */
public final class ProcessTreeBench {
  private ProcessTreeBench() {}

  public static void main(String[] args) throws Exception {
    Process p = new ProcessBuilder("bash", "-c", "sleep 60 & sleep 60 & wait").start();
    Thread.sleep(300);
    int rounds = 9;
    int looks = 50;
    double[] walk = new double[rounds];
    double[] scan = new double[rounds];
    long found = 0;
    for (int r = 0; r < rounds; r++) {
      long t = System.nanoTime();
      for (int i = 0; i < looks; i++) {
        found += ProcessTree.descendants(p.toHandle()).size();
      }
      walk[r] = (System.nanoTime() - t) / 1e3 / looks;
      t = System.nanoTime();
      for (int i = 0; i < looks; i++) {
        found += p.toHandle().descendants().count();
      }
      scan[r] = (System.nanoTime() - t) / 1e3 / looks;
    }
    p.descendants().forEach(ProcessHandle::destroy);
    p.destroy();
    Arrays.sort(walk);
    Arrays.sort(scan);
    System.out.printf(
        "processes on machine: %d, descendants found per look: %d%n",
        ProcessHandle.allProcesses().count(), found / (2L * rounds * looks));
    System.out.printf("proc walk median: %.0f us per look%n", walk[rounds / 2]);
    System.out.printf("ProcessHandle.descendants median: %.0f us per look%n", scan[rounds / 2]);
    System.out.printf("ratio: %.1fx%n", scan[rounds / 2] / walk[rounds / 2]);
  }
}
