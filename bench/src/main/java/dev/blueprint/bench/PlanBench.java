package dev.blueprint.bench;

import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.BlueprintReader;
import dev.blueprint.tools.plan.CheckedPlan;
import dev.blueprint.tools.plan.Plan;
import dev.blueprint.tools.plan.PlanOptions;
import dev.blueprint.tools.plan.Planner;
import dev.blueprint.tools.validate.ValidationReport;
import dev.blueprint.tools.validate.Validator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Generates blueprints of the given sizes in markdown, then prints the time from file to plan as
 * {@code bp plan} spends it (read, then validation and planning at once; medians), validate and
 * plan alone, heap peaks, the wall time of the {@code bp} CLI as a fresh process, and Taskmaster's
 * {@code validate-dependencies} on the same graphs with the ratio. A benchmark, not a test: nothing
 * here asserts; {@code bench/plan-bench.sh} runs it.
 *
 * <p>Arguments: {@code --work DIR} (where files go), {@code --sizes 100,1000,10000,100000}, {@code
 * --runs 5}, {@code --bp-jar JAR}, {@code --task-master BIN}, {@code --taskmaster-sizes
 * 100,1000,10000}, {@code --taskmaster-timeout 180} (seconds per run).
 */
public final class PlanBench {
  private final Path work;
  private final int[] sizes;
  private final int runs;
  private final Path bpJar;
  private final Path taskMaster;
  private final List<Integer> taskmasterSizes;
  private final long taskmasterTimeout;

  private PlanBench(String[] args) {
    Path w = Path.of("bench/target/work");
    int[] s = {100, 1000, 10000, 100000};
    int r = 5;
    Path jar = null;
    Path tm = null;
    List<Integer> tmSizes = List.of(100, 1000, 10000);
    long tmTimeout = 180;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--work" -> w = Path.of(args[i + 1]);
        case "--sizes" -> s = ints(args[i + 1]);
        case "--runs" -> r = Integer.parseInt(args[i + 1]);
        case "--bp-jar" -> jar = Path.of(args[i + 1]);
        case "--task-master" -> tm = Path.of(args[i + 1]);
        case "--taskmaster-timeout" -> tmTimeout = Long.parseLong(args[i + 1]);
        case "--taskmaster-sizes" ->
            tmSizes = java.util.Arrays.stream(ints(args[i + 1])).boxed().toList();
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    work = w;
    sizes = s;
    runs = Math.max(5, r);
    bpJar = jar;
    taskMaster = tm;
    taskmasterSizes = tmSizes;
    taskmasterTimeout = tmTimeout;
  }

  private static int[] ints(String csv) {
    return java.util.Arrays.stream(csv.split(",")).mapToInt(Integer::parseInt).toArray();
  }

  public static void main(String[] args) throws Exception {
    new PlanBench(args).run();
  }

  private void run() throws Exception {
    Files.createDirectories(work);
    System.out.printf(
        Locale.ROOT,
        "blueprint plan bench: %d runs per figure (medians), JVM %s, max heap %d MiB, %d cores%n%n",
        runs,
        Runtime.version(),
        Runtime.getRuntime().maxMemory() >> 20,
        Runtime.getRuntime().availableProcessors());
    List<String> processRows = new ArrayList<>();
    System.out.println(
        "in process   tasks    edges  file MiB  read ms  validate+plan ms  total ms  (min-max)"
            + "  cpu ms  cold total ms  heap peak MiB  live MiB  waves  width  errors"
            + "  | alone: validate ms  plan ms");
    for (int size : sizes) {
      GeneratedBlueprint g = GeneratedBlueprint.random(size, 42L + size);
      Path md = work.resolve("bench-" + size + ".bp.md");
      Files.writeString(md, MarkdownWriter.write(g), StandardCharsets.UTF_8);
      Path tasksJson = null;
      if (taskmasterSizes.contains(size)) {
        tasksJson = work.resolve("taskmaster-" + size).resolve("tasks.json");
        Files.createDirectories(tasksJson.getParent());
        Files.writeString(tasksJson, TaskmasterWriter.write(g), StandardCharsets.UTF_8);
      }
      inProcess(g, md);
      processRows.addAll(processes(size, md, tasksJson));
    }
    if (!processRows.isEmpty()) {
      System.out.println();
      System.out.println("as a fresh process (wall ms, median)");
      processRows.forEach(System.out::println);
    }
  }

  private void inProcess(GeneratedBlueprint g, Path md) throws Exception {
    long[] read = new long[runs];
    long[] validate = new long[runs];
    long[] plan = new long[runs];
    long[] checkedPlan = new long[runs];
    long[] total = new long[runs];
    long[] cpu = new long[runs];
    var os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    Timings.HeapPeak heap = new Timings.HeapPeak();
    long cold = 0;
    Blueprint blueprint = null;
    ValidationReport report = null;
    Plan result = null;
    // One cold run first (reported apart), then the measured runs.
    for (int r = -1; r < runs; r++) {
      blueprint = null;
      report = null;
      result = null;
      long c0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      blueprint = BlueprintReader.readFile(md);
      long t1 = System.nanoTime();
      // What `bp plan` and the MCP plan tool do: validation and planning at once.
      CheckedPlan checked = CheckedPlan.of(blueprint, PlanOptions.DEFAULT);
      long t2 = System.nanoTime();
      long c2 = os.getProcessCpuTime();
      report = checked.report();
      result = checked.plan();
      if (r < 0) {
        cold = t2 - t0;
        continue;
      }
      read[r] = t1 - t0;
      checkedPlan[r] = t2 - t1;
      total[r] = t2 - t0;
      cpu[r] = c2 - c0;
      // The two parts alone, one after the other, outside the end-to-end figure.
      long v0 = System.nanoTime();
      Validator.validate(blueprint);
      long v1 = System.nanoTime();
      Planner.plan(blueprint, PlanOptions.DEFAULT);
      long v2 = System.nanoTime();
      validate[r] = v1 - v0;
      plan[r] = v2 - v1;
    }
    double peak = heap.mib();
    heap.close();
    double live = Timings.liveHeapMib();
    long errors = report.diagnostics().stream().filter(d -> d.isError()).count();
    System.out.printf(
        Locale.ROOT,
        "%17d %8d %9.1f %8.0f %16.0f %9.0f  (%.0f-%.0f) %7.0f %14.0f %14.0f %9.0f %6d %6d %7d"
            + "  | %16.0f %8.0f%n",
        blueprint.tasks().size(),
        g.edgeCount(),
        Files.size(md) / (1024.0 * 1024.0),
        Timings.medianMillis(read),
        Timings.medianMillis(checkedPlan),
        Timings.medianMillis(total),
        Timings.minMillis(total),
        Timings.maxMillis(total),
        Timings.medianMillis(cpu),
        cold / 1e6,
        peak,
        live,
        result.waves().size(),
        result.maxWidth(),
        errors,
        Timings.medianMillis(validate),
        Timings.medianMillis(plan));
  }

  private List<String> processes(int size, Path md, Path tasksJson) throws Exception {
    List<String> rows = new ArrayList<>();
    Double bpValidate = null;
    if (bpJar != null) {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      List<String> base = List.of(java, "-Xmx1g", "-jar", bpJar.toString());
      bpValidate = time(concat(base, "validate", md.toString(), "--json"), work, 600);
      Double bpPlan = time(concat(base, "plan", md.toString(), "--json"), work, 600);
      rows.add(
          String.format(
              Locale.ROOT,
              "  %6d tasks  bp validate --json %s   bp plan --json %s",
              size,
              millis(bpValidate),
              millis(bpPlan)));
    }
    if (taskMaster != null && tasksJson != null) {
      List<String> command =
          List.of(
              taskMaster.toString(),
              "validate-dependencies",
              "-f",
              tasksJson.toAbsolutePath().toString());
      // Taskmaster makes a .taskmaster folder where it runs: keep it in the work folder.
      Double tm = time(command, tasksJson.getParent(), taskmasterTimeout);
      String ratio = "";
      if (bpValidate != null && bpValidate > 0) {
        ratio =
            tm == null
                ? String.format(
                    Locale.ROOT,
                    "   ratio task-master / bp validate > %.0f",
                    taskmasterTimeout * 1000.0 / bpValidate)
                : String.format(
                    Locale.ROOT, "   ratio task-master / bp validate = %.2f", tm / bpValidate);
      }
      rows.add(
          String.format(
              Locale.ROOT,
              "  %6d tasks  task-master validate-dependencies %s%s",
              size,
              tm == null ? "did not finish in " + taskmasterTimeout + " s" : millis(tm),
              ratio));
    }
    return rows;
  }

  private static String millis(Double ms) {
    return ms == null ? "timed out" : String.format(Locale.ROOT, "%8.0f", ms);
  }

  /**
   * The median wall time of {@code runs} runs in ms, or null when a run timed out (the rest are
   * then not tried: a command that cannot finish once will not finish five times).
   */
  private Double time(List<String> command, Path dir, long timeoutSeconds)
      throws InterruptedException {
    long[] wall = new long[runs];
    for (int r = 0; r < runs; r++) {
      wall[r] = Timings.runProcess(command, dir, timeoutSeconds);
      if (wall[r] == Timings.TIMED_OUT) {
        return null;
      }
      if (wall[r] < 0) {
        throw new IllegalStateException("could not start " + command.get(0));
      }
    }
    return Timings.medianMillis(wall);
  }

  private static List<String> concat(List<String> base, String... more) {
    List<String> all = new ArrayList<>(base);
    all.addAll(List.of(more));
    return all;
  }
}
