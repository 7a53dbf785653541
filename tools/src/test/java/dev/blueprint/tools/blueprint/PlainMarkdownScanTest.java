package dev.blueprint.tools.blueprint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blueprint.tools.validate.Validator;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Reading markdown through {@link PlainMarkdownScan} must be indistinguishable from commonmark:
 * whenever the scan accepts a document, the blueprint (tasks, tiers, titles, lines, metadata, read
 * diagnostics) and the validator's diagnostics are equal to the commonmark path's. Documents are
 * the fixtures, mutated fixtures, and generated documents mixing the plain subset with everything
 * the scan must refuse (indentation, lists, setext underlines, other HTML, tabs, odd fences).
 */
class PlainMarkdownScanTest {

  /** Reads {@code text} both ways and compares; returns whether the plain scan accepted it. */
  static boolean sameAsCommonmark(String text) {
    SourceLines lines = new SourceLines(text);
    Blueprint commonmark =
        MarkdownReader.read(text, new BlueprintParts("<t>", BlueprintForm.MARKDOWN), false);
    Blueprint plain =
        MarkdownReader.read(text, new BlueprintParts("<t>", BlueprintForm.MARKDOWN), true);
    assertThat(plain).as("blueprint of\n%s", text).isEqualTo(commonmark);
    assertThat(Validator.validate(plain).diagnostics())
        .as("diagnostics of\n%s", text)
        .isEqualTo(Validator.validate(commonmark).diagnostics());
    return PlainMarkdownScan.scan(lines, 0) != null;
  }

  @Example
  void everyMarkdownFixtureReadsTheSameThroughBothPaths() {
    for (String name : Fixtures.ALL) {
      sameAsCommonmark(Fixtures.text(name));
    }
  }

  @Example
  void aBenchShapedBlueprintTakesThePlainScanAndReadsTheSame() {
    String doc = benchShaped(40);
    assertThat(sameAsCommonmark(doc)).isTrue();
    Blueprint b = BlueprintReader.readString(doc, "bench.md");
    assertThat(b.tasks()).hasSize(40);
    assertThat(b.title()).isEqualTo("Bench 40 — Blueprint");
    assertThat(b.metadata().values()).containsEntry("_total_tasks", "40");
    assertThat(b.execution().maxParallelTasks()).isEqualTo(16);
    assertThat(b.tasks().get(2).line()).isEqualTo(Fixtures.lineOf(doc, "task_id: T3"));
    assertThat(b.tasks().get(2).tier().name()).isEqualTo("Generated");
  }

  @Example
  void documentsOutsideTheSubsetAreLeftToCommonmark() {
    for (String doc :
        List.of(
            "# T\n\n- item\n\n```yaml\ntask_id: A\n```\n",
            "# T\n\nTitle\n===\n\n```yaml\ntask_id: A\n```\n",
            "# T\n\n  ```yaml\n  task_id: A\n  ```\n",
            "# T\n\n```yaml\ntask_id:\tA\n```\n",
            "# T\n\n<div>\n\n```yaml\ntask_id: A\n```\n",
            "# T\n\n1. ```yaml\n   task_id: A\n   ```\n",
            "# T\n\n> ```yaml\n> task_id: A\n> ```\n")) {
      assertThat(PlainMarkdownScan.scan(new SourceLines(doc), 0)).as(doc).isNull();
      sameAsCommonmark(doc);
    }
  }

  @Property(tries = 400)
  void generatedDocumentsReadTheSameWhenThePlainScanAcceptsThem(@ForAll("documents") String doc) {
    sameAsCommonmark(doc);
  }

  @Property(tries = 200)
  void generatedPlainDocumentsTakeTheScanAndReadTheSame(@ForAll("plainDocuments") String doc) {
    assertThat(sameAsCommonmark(doc)).as(doc).isTrue();
  }

  @Property(tries = 200)
  void mutatedFixturesReadTheSameWhenThePlainScanAcceptsThem(@ForAll("mutated") String doc) {
    sameAsCommonmark(doc);
  }

  /** A blueprint written the way the plan bench writes them. */
  static String benchShaped(int n) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Bench ").append(n).append(" — Blueprint\n\n");
    sb.append("> **Document Status**: Generated\n\n");
    sb.append("<!-- BLUEPRINT METADATA (DO NOT REMOVE) -->\n");
    sb.append("<!-- _blueprint_version: 2.0.0 -->\n");
    sb.append("<!-- _total_tasks: ").append(n).append(" -->\n");
    sb.append("<!-- END METADATA -->\n\n");
    sb.append("## Execution Configuration\n\n```yaml\nexecution:\n  shell: bash\n");
    sb.append("  max_parallel_tasks: 16\n  resource_locks:\n    - name: db\n");
    sb.append("      type: exclusive\n```\n\n## Tier 0: Generated\n\n");
    for (int i = 1; i <= n; i++) {
      sb.append("### T").append(i).append(": Task ").append(i).append("\n\n```yaml\n");
      sb.append("task_id: T").append(i).append("\nname: \"Task ").append(i).append("\"\n");
      sb.append("status: not_started\ndependencies: [");
      if (i > 1) {
        sb.append("T").append(i - 1);
      }
      sb.append("]\ninterface:\n  input: \"in\"\n  output: \"out\"\n");
      sb.append("acceptance_criteria:\n  - \"it builds\"\n");
      if (i % 5 == 0) {
        sb.append("resource_locks:\n  - name: db\n    mode: exclusive\n");
      }
      sb.append("test_command: \"make test-T").append(i).append("\"\n");
      sb.append("rollback: \"git checkout -- src/T").append(i).append("\"\n```\n\n");
    }
    return sb.toString();
  }

  /** Lines in the plain subset. */
  private static final List<String> PLAIN =
      List.of(
          "",
          "   ",
          "# Title",
          "# Title ##",
          "#",
          "## Tier 1: Build",
          "## Tier 2",
          "### T1: First",
          "### T2 — Second",
          "###### deep",
          "Some text, a paragraph.",
          "(aside) with `code` and *stars*",
          "> quoted text",
          "> **Document Status**: Draft",
          "**Bold** start",
          "_emphasis_ start",
          ">",
          "<!-- _blueprint_version: 2.1.0 -->",
          "<!-- BLUEPRINT METADATA\n_generator: gen\n-->",
          "<!-- one --> trailing",
          "```yaml\ntask_id: T1\nname: One\ndependencies: [T2]\n```",
          "```yaml\ntask_id: T2\nstatus: complete\ntest_command: make\n```",
          "```yml\n- task_id: L1\n- task_id: L2\n  dependencies: [L1]\n```",
          "```json\n{\"task_id\": \"J1\"}\n```",
          "```\ntask_id: N1\n```",
          "```bash\necho hi\n```",
          "~~~yaml\ntask_id: W1\n~~~",
          "````yaml\ntask_id: Q1\n```\n````",
          "```yaml\nexecution:\n  max_parallel_tasks: 3\n```",
          "```yaml\ntask_id: [broken\n```",
          "```yaml\ntask_id: C1\n   ```",
          "```yaml extra words\ntask_id: X1\n```   ",
          "```yaml\ntask_id: open",
          "```");

  /** Lines the scan must refuse, or that change how commonmark reads the lines around them. */
  private static final List<String> ODD =
      List.of(
          "    indented code",
          "  ```yaml\n  task_id: I1\n  ```",
          "- ```yaml\n  task_id: L9\n  ```",
          "1. item",
          "* item",
          "+ item",
          "===",
          "---",
          "***",
          "___",
          "* * *",
          "*",
          "_ _ _",
          "#tag",
          "####### seven",
          "<div>",
          "<details>\n\n```yaml\ntask_id: D1\n```\n\n</details>",
          "> ```yaml\n> task_id: B1\n> ```",
          ">> nested",
          "\ttabbed",
          "```yaml\ttab\ntask_id: T9\n```",
          "``` `x`\ntask_id: Z1\n```",
          "```y\\aml\ntask_id: E1\n```",
          "```y&amp;ml\ntask_id: E2\n```",
          "Title\n=====",
          "\\# escaped",
          "2) item",
          "<!-- unclosed",
          " <!-- indented -->",
          "## Tier 3: Odd\r\n",
          "text\u0000nul");

  @Provide
  Arbitrary<String> plainDocuments() {
    return Arbitraries.of(PLAIN).list().ofMinSize(1).ofMaxSize(25).map(PlainMarkdownScanTest::join);
  }

  @Provide
  Arbitrary<String> documents() {
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(5, Arbitraries.of(PLAIN)),
            net.jqwik.api.Tuple.of(1, Arbitraries.of(ODD)))
        .list()
        .ofMinSize(1)
        .ofMaxSize(25)
        .map(PlainMarkdownScanTest::join);
  }

  @Provide
  Arbitrary<String> mutated() {
    List<String> sources = new ArrayList<>();
    for (String name : Fixtures.ALL) {
      if (name.endsWith(".md")) {
        sources.add(Fixtures.text(name));
      }
    }
    sources.add(benchShaped(12));
    Arbitrary<String> pieces =
        Arbitraries.oneOf(Arbitraries.of(PLAIN), Arbitraries.of(ODD), Arbitraries.of("\n", "`"));
    return net.jqwik.api.Combinators.combine(
            Arbitraries.of(sources),
            Arbitraries.integers().between(0, 1_000_000),
            pieces,
            Arbitraries.of(false, true))
        .as(
            (text, at, piece, cut) -> {
              // Insert a piece at a line start, or cut one line out.
              String[] lines = text.split("\n", -1);
              int i = at % lines.length;
              List<String> out = new ArrayList<>(List.of(lines));
              if (cut) {
                out.remove(i);
              } else {
                out.add(i, piece);
              }
              return String.join("\n", out);
            });
  }

  private static String join(List<String> lines) {
    return String.join("\n", lines) + "\n";
  }
}
