package dev.blueprint.tools.blueprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The per-task pointer-to-line table: a map of every size, and tables shared between tasks. */
class FieldLinesTest {

  @Property(tries = 300)
  void holdsEveryLineAndNothingElseAtEverySize(
      @ForAll @IntRange(min = 0, max = 200) int size,
      @ForAll @IntRange(min = 1, max = 9) int step) {
    FieldLines.Builder b = new FieldLines.Builder();
    Map<String, Integer> expected = new HashMap<>();
    for (int i = 0; i < size; i++) {
      String pointer = "/f" + i * step;
      b.put(pointer, 10 + i);
      expected.put(pointer, 10 + i);
    }
    FieldLines built = b.build();
    assertThat(built).isEqualTo(expected);
    assertThat(FieldLines.copyOf(expected)).isEqualTo(expected);
    for (int i = 0; i < size; i++) {
      assertThat(built.lineOf("/f" + i * step, -1)).isEqualTo(10 + i);
    }
    assertThat(built.lineOf("/absent", -1)).isEqualTo(-1);
    assertThat(built.get("/f" + (size * step + 1))).isNull();
  }

  @Test
  void tasksWrittenAlikeKeepTheirOwnLines() {
    // Same fields in the same order: the second task reuses the first's key table.
    String text =
        "# Two — Blueprint\n\n## Tier 0: All\n\n"
            + "### T1: One\n\n```yaml\ntask_id: T1\nname: \"One\"\nstatus: not_started\n"
            + "dependencies: []\ntest_command: \"make one\"\n```\n\n"
            + "### T2: Two\n\nSome prose that moves the second block down.\n\n\n"
            + "```yaml\ntask_id: T2\nname: \"Two\"\nstatus: not_started\n"
            + "dependencies: [T1]\ntest_command: \"make two\"\n```\n";
    List<Task> tasks = BlueprintReader.readString(text, "two.bp.md").tasks();
    assertThat(tasks).hasSize(2);
    Task one = tasks.get(0);
    Task two = tasks.get(1);
    assertThat(one.lineOf("/test_command")).isEqualTo(12);
    assertThat(two.lineOf("/test_command")).isEqualTo(25);
    assertThat(two.lineOf("/dependencies/0")).isEqualTo(24);
    assertThat(one.lineOf("/dependencies/0")).isEqualTo(one.line());
  }
}
