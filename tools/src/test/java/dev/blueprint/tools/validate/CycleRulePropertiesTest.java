package dev.blueprint.tools.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.Diagnostic;
import dev.blueprint.tools.blueprint.ExecutionConfig;
import dev.blueprint.tools.blueprint.Task;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Cycle detection against graphs whose answer is known by construction. */
class CycleRulePropertiesTest {

  /** Task i depends on a few random lower-numbered tasks: always acyclic. */
  private static List<List<Integer>> randomDag(int n, long seed) {
    Random r = new Random(seed);
    List<List<Integer>> deps = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<Integer> d = new ArrayList<>();
      for (int k = 0; i > 0 && k < r.nextInt(4); k++) {
        d.add(r.nextInt(i));
      }
      deps.add(d);
    }
    return deps;
  }

  private static Blueprint blueprint(List<List<Integer>> deps) {
    List<Task> tasks = new ArrayList<>();
    for (int i = 0; i < deps.size(); i++) {
      Task.Builder b = Task.builder("T" + i).line(i + 1).testCommand("make check");
      deps.get(i).forEach(j -> b.dependsOn("T" + j));
      tasks.add(b.build());
    }
    return Blueprint.of("generated", ExecutionConfig.empty(), tasks);
  }

  private static List<Diagnostic> cycles(Blueprint b) {
    return Validator.validate(b).diagnostics().stream()
        .filter(d -> d.code().equals("E_CYCLE"))
        .toList();
  }

  @Property(tries = 200)
  void aRandomDagHasNoCycle(@ForAll @IntRange(min = 1, max = 300) int n, @ForAll long seed) {
    assertThat(cycles(blueprint(randomDag(n, seed)))).isEmpty();
  }

  @Property(tries = 200)
  void oneBackEdgeGivesOneCycleThatIsARealCycle(
      @ForAll @IntRange(min = 2, max = 300) int n, @ForAll long seed) {
    List<List<Integer>> deps = randomDag(n, seed);
    Random r = new Random(seed ^ 0x5DEECE66DL);
    int to = r.nextInt(n - 1) + 1;
    // Give "to" a path down to 0 so that 0 -> to closes a cycle through it.
    deps.get(to).add(to - 1);
    for (int i = to - 1; i > 0; i--) {
      deps.get(i).add(i - 1);
    }
    deps.get(0).add(to);
    Blueprint b = blueprint(deps);

    List<Diagnostic> found = cycles(b);
    assertThat(found).hasSize(1);
    String message = found.get(0).message();
    String path = message.substring("dependency cycle: ".length(), message.indexOf(';'));
    path = path.replaceAll(" \\(.*\\)$", "");
    String[] ids = path.split(" -> ");
    assertThat(ids[0]).isEqualTo(ids[ids.length - 1]);
    Set<String> seen = new HashSet<>();
    for (int k = 0; k + 1 < ids.length; k++) {
      assertThat(seen.add(ids[k])).as("no task twice in %s", path).isTrue();
      int from = Integer.parseInt(ids[k].substring(1));
      int next = Integer.parseInt(ids[k + 1].substring(1));
      assertThat(deps.get(from)).as("%s waits for %s", ids[k], ids[k + 1]).contains(next);
    }
  }
}
