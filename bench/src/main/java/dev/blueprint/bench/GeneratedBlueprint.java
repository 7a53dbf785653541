package dev.blueprint.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A random blueprint of {@code size} tasks, the same for the same seed: a DAG where task {@code i}
 * has 0 to 6 dependencies (3 on average) on earlier tasks, half drawn from anywhere before it and
 * half from the 50 tasks just before it (real plans are mostly local), about 5% of tasks taking one
 * of four declared locks, and a third carrying an estimate.
 *
 * @param dependencies per task (0-based), the 0-based indexes it depends on
 * @param locks per task, the lock it takes ("db:exclusive") or null
 * @param estimates per task, estimated sessions or 0 for none
 */
record GeneratedBlueprint(int size, List<int[]> dependencies, String[] locks, int[] estimates) {

  static final String[] LOCK_USES = {
    "db:exclusive", "deploy:exclusive", "api:shared", "gpu:shared"
  };

  static GeneratedBlueprint random(int size, long seed) {
    Random rnd = new Random(seed);
    List<int[]> deps = new ArrayList<>(size);
    String[] locks = new String[size];
    int[] estimates = new int[size];
    for (int i = 0; i < size; i++) {
      int want = Math.min(i, rnd.nextInt(7));
      Set<Integer> picked = new LinkedHashSet<>();
      while (picked.size() < want) {
        int d = rnd.nextBoolean() ? rnd.nextInt(i) : Math.max(0, i - 1 - rnd.nextInt(50));
        picked.add(d);
      }
      deps.add(picked.stream().mapToInt(Integer::intValue).sorted().toArray());
      if (rnd.nextInt(20) == 0) {
        locks[i] = LOCK_USES[rnd.nextInt(LOCK_USES.length)];
      }
      if (rnd.nextInt(3) == 0) {
        estimates[i] = 1 + rnd.nextInt(3);
      }
    }
    return new GeneratedBlueprint(size, deps, locks, estimates);
  }

  static String id(int index) {
    return "T" + (index + 1);
  }

  int edgeCount() {
    return dependencies.stream().mapToInt(d -> d.length).sum();
  }
}
