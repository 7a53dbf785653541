package dev.blueprint.tools.validate;

import static dev.blueprint.tools.validate.BlueprintText.doc;
import static dev.blueprint.tools.validate.BlueprintText.task;
import static dev.blueprint.tools.validate.BlueprintText.validate;
import static dev.blueprint.tools.validate.BlueprintText.withCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.Diagnostic;
import dev.blueprint.tools.blueprint.ExecutionConfig;
import dev.blueprint.tools.blueprint.Task;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CycleRuleTest {

  /** A chain T0 <- T1 <- ... built in code, each task complete enough to keep findings focused. */
  private static List<Task> chain(int n) {
    List<Task> tasks = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Task.Builder b =
          Task.builder("T" + i)
              .line(i + 1)
              .acceptanceCriterion("done")
              .testCommand("test -f out")
              .rollback("git restore out");
      if (i > 0) {
        b.dependsOn("T" + (i - 1));
      }
      tasks.add(b.build());
    }
    return tasks;
  }

  @Test
  void rejectsCycleAndNamesEveryTaskInItInOrderOnce() {
    String text = doc(null, task("T1", "T3"), task("T2", "T1"), task("T3", "T2"), task("T4", "T3"));
    List<Diagnostic> cycles = withCode(validate(text), "E_CYCLE");
    assertThat(cycles)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.message()).contains("dependency cycle: T1 -> T3 -> T2 -> T1");
              assertThat(d.message()).doesNotContain("T4");
              assertThat(d.taskId()).isEqualTo("T1");
              assertThat(d.line()).isEqualTo(BlueprintText.line(text, "dependencies: [T3]", 1));
            });
  }

  @Test
  void selfDependencyIsACycleOfOne() {
    List<Diagnostic> cycles = withCode(validate(doc(null, task("T1", "T1"))), "E_CYCLE");
    assertThat(cycles).singleElement().satisfies(d -> assertThat(d.message()).contains("T1 -> T1"));
  }

  @Test
  void twoSeparateCyclesAreTwoFindings() {
    String text =
        doc(null, task("A", "B"), task("B", "A"), task("C", "D"), task("D", "C"), task("E", "A"));
    assertThat(withCode(validate(text), "E_CYCLE"))
        .extracting(Diagnostic::message)
        .hasSize(2)
        .anySatisfy(m -> assertThat(m).contains("A -> B -> A"))
        .anySatisfy(m -> assertThat(m).contains("C -> D -> C"));
  }

  @Test
  void bindingSourcesCountAsEdges() {
    String bind = "input_bindings:\n  x: {source: B, output_port: result}";
    String text = doc(null, task("A", "", bind), task("B", "A"));
    assertThat(withCode(validate(text), "E_CYCLE"))
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("A -> B -> A"));
  }

  @Test
  void aChainOf100kTasksValidatesWithoutOverflowingTheStack() {
    List<Task> tasks = chain(100_000);
    ValidationReport r = Validator.validate(Blueprint.of("chain", ExecutionConfig.empty(), tasks));
    assertThat(r.taskCount()).isEqualTo(100_000);
    assertThat(r.diagnostics()).extracting(Diagnostic::code).containsExactly("W_NO_METADATA");
  }

  @Test
  void aCycleThrough100kTasksIsOneFindingNamingAllOfThem() {
    List<Task> tasks = new ArrayList<>(chain(100_000));
    // Close the chain: T0 waits for the last task.
    tasks.set(0, Task.builder("T0").line(1).dependsOn("T99999").testCommand("test -f out").build());
    ValidationReport r = Validator.validate(Blueprint.of("ring", ExecutionConfig.empty(), tasks));
    List<Diagnostic> cycles = withCode(r, "E_CYCLE");
    assertThat(cycles).hasSize(1);
    String m = cycles.get(0).message();
    assertThat(m).startsWith("dependency cycle: T0 -> T99999 -> T99998 -> ");
    assertThat(m).contains("T2 -> T1 -> T0;");
    assertThat(m.split(" -> ")).hasSize(100_001);
  }
}
