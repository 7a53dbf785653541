package dev.blueprint.tools.blueprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.blueprint.tools.validate.ValidationReport;
import dev.blueprint.tools.validate.Validator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/**
 * Fuzzing the reader and validator: random text, random bytes and mutated real fixtures always give
 * a blueprint and a report, never an exception, never a hang, and never an internal failure
 * disguised as a diagnostic (E_READ_FAILED, E_RULE_FAILED). The timeout is a hang detector, not a
 * speed assertion.
 */
class ReaderRobustnessTest {
  private static final Duration HANG = Duration.ofSeconds(20);

  /** Pieces that steer mutations into the parsers' interesting corners. */
  private static final List<String> TOKENS =
      List.of(
          "```",
          "```yaml\n",
          "\n```\n",
          "---\n",
          "...\n",
          "{",
          "}",
          "[",
          "]",
          ":",
          ": ",
          "- ",
          "\t",
          "task_id: ",
          "task_id: T0.1\n",
          "dependencies: [T0.1, T9]\n",
          "&a ",
          "*a",
          "!!binary ",
          "<!-- ",
          " -->",
          "<!-- _total_tasks: x -->\n",
          "# ",
          "## Tier 0: X\n",
          "### T1: Y\n",
          "\"",
          "'",
          "\\",
          "${",
          "$${",
          "}}",
          "\u0000",
          "\uFEFF",
          "\r\n",
          "\r",
          "🔲 ",
          "status: ",
          "? ",
          "| \n",
          "> \n",
          "%YAML 1.2\n",
          "execution:\n  resource_locks: [",
          "\n\n");

  private static void readAndValidate(String text) {
    ValidationReport report =
        assertTimeoutPreemptively(
            HANG, () -> Validator.validate(BlueprintReader.readString(text, "fuzz")));
    assertThat(report).isNotNull();
    assertThat(report.diagnostics())
        .extracting(Diagnostic::code)
        .doesNotContain("E_READ_FAILED", "E_RULE_FAILED");
    if (report.taskCount() == 0) {
      assertThat(report.valid()).isFalse();
    }
  }

  @Property(tries = 300)
  void randomTextNeverBreaksTheReader(@ForAll @StringLength(max = 3000) String text) {
    readAndValidate(text);
  }

  @Property(tries = 300)
  void randomBytesNeverBreakTheReader(@ForAll @Size(max = 4000) byte[] bytes) {
    readAndValidate(new String(bytes, StandardCharsets.UTF_8));
    readAndValidate(new String(bytes, StandardCharsets.ISO_8859_1));
  }

  @Property(tries = 200)
  void mutatedFixturesNeverBreakTheReader(@ForAll("mutatedFixtures") String text) {
    readAndValidate(text);
  }

  @Property(tries = 200)
  void tokenSoupNeverBreaksTheReader(@ForAll("tokenSoup") String text) {
    readAndValidate(text);
  }

  @Provide
  Arbitrary<String> tokenSoup() {
    return Arbitraries.of(TOKENS).list().ofMaxSize(200).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<String> mutatedFixtures() {
    Arbitrary<String> fixture = Arbitraries.of(Fixtures.ALL).map(Fixtures::text);
    Arbitrary<List<Mutation>> mutations = mutation().list().ofMinSize(1).ofMaxSize(12);
    return Combinators.combine(fixture, mutations)
        .as(
            (text, ms) -> {
              String t = text;
              for (Mutation m : ms) {
                t = m.apply(t);
              }
              return t;
            });
  }

  /** One edit at a relative position (0..1) of the text, so it lands anywhere in any fixture. */
  record Mutation(int kind, double at, double to, String token) {
    String apply(String t) {
      if (t.isEmpty()) {
        return token;
      }
      int a = (int) (at * t.length());
      int b = Math.min(t.length(), a + (int) (to * 400));
      return switch (kind) {
        case 0 -> t.substring(0, a) + token + t.substring(a); // insert
        case 1 -> t.substring(0, a) + t.substring(b); // delete a range
        case 2 -> t.substring(0, b) + t.substring(a, b) + t.substring(b); // duplicate a range
        case 3 -> t.substring(0, a); // truncate
        case 4 -> t.substring(0, a) + token + t.substring(b); // replace a range
        default -> t.substring(a) + t.substring(0, a); // rotate
      };
    }
  }

  private static Arbitrary<Mutation> mutation() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 5),
            Arbitraries.doubles().between(0, 1),
            Arbitraries.doubles().between(0, 1),
            Arbitraries.oneOf(Arbitraries.of(TOKENS), Arbitraries.strings().ofMaxLength(20)))
        .as(Mutation::new);
  }

  @Example
  void deeplyNestedJsonYamlAndMarkdownAreDiagnosticsNotCrashes() {
    int depth = 100_000;
    readAndValidate("[".repeat(depth));
    readAndValidate("{\"tasks\": " + "[".repeat(depth) + "]".repeat(depth) + "}");
    readAndValidate("tiers:\n" + "- ".repeat(depth) + "x\n");
    readAndValidate("tasks: " + "[".repeat(depth));
    readAndValidate("# T\n\n" + ">".repeat(depth) + " ```yaml\n> task_id: A\n");
    readAndValidate("# T\n\n" + "- ".repeat(20_000) + "x\n");
    String nested = "```yaml\ntask_id: A\nx: " + "[".repeat(depth) + "\n```\n";
    Blueprint b = BlueprintReader.readString(nested, "deep.md");
    assertThat(b.readDiagnostics())
        .extracting(Diagnostic::code)
        .contains("E_YAML_PARSE", "E_NO_TASKS");
  }

  @Example
  void longRunsThatTripBacktrackingRegexesStayLinear() {
    int n = 200_000;
    readAndValidate("# T\n\n" + " ".repeat(n) + "\n```\n" + " \t".repeat(n) + "x\n```\n");
    readAndValidate("# T\n\n" + "\n".repeat(n) + "```\n" + "\n".repeat(n));
    readAndValidate("# T\n\n<!-- _a:" + " ".repeat(n) + "x -->\n```yaml\ntask_id: A\n```\n");
    readAndValidate(
        "# T" + " ".repeat(n) + "x\n## " + " #".repeat(n) + "\n```yaml\ntask_id: A\n```\n");
    readAndValidate("# T\n\n```yaml\ntask_id: A\ntest_command: \"" + "$".repeat(n) + "\"\n```\n");
    readAndValidate("# T\n\n```yaml\ntask_id: A\nnotes: \"" + "a".repeat(n) + "KEY\"\n```\n");
  }

  @Example
  void yamlAliasBombIsRefusedQuickly() {
    StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'k'; c++) {
      char p = (char) (c - 1);
      bomb.append(c).append(": &").append(c).append(" [*").append(p);
      bomb.append(",*").append(p).append(",*").append(p).append(",*").append(p).append("]\n");
    }
    bomb.append("tiers: []\n");
    readAndValidate(bomb.toString());
  }
}
