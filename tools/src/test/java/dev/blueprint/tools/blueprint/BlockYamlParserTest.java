package dev.blueprint.tools.blueprint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blueprint.tools.validate.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The YAML fast path must be indistinguishable from Jackson: whenever {@link BlockYamlParser}
 * accepts a text, Jackson parses it to the identical tree (same node types, same field order), the
 * identical pointer-to-line map and root line; on the fixtures, reading and validating with and
 * without the fast path give equal blueprints and equal diagnostics. Generated documents mix the
 * subset with everything the fast path must refuse (tags, anchors, odd scalars, escapes, tabs).
 */
class BlockYamlParserTest {

  /** Compares both paths on one text; returns whether the fast path accepted it. */
  static boolean sameAsJackson(String text) {
    List<LocatedDocument> fast = BlockYamlParser.parse(text, 7);
    if (fast == null) {
      return false;
    }
    List<LocatedDocument> jackson;
    try {
      jackson = LocatedTreeParser.parseYamlWithJackson(text, 7);
    } catch (LocatedTreeParser.ParseFailure e) {
      throw new AssertionError("fast path accepted YAML Jackson rejects: " + e + "\n" + text, e);
    }
    assertThat(jackson).as("documents in\n%s", text).hasSize(1);
    LocatedDocument f = fast.get(0);
    LocatedDocument j = jackson.get(0);
    assertThat(f.root()).as("tree of\n%s", text).isEqualTo(j.root());
    assertThat(f.root().toString()).as("field order of\n%s", text).isEqualTo(j.root().toString());
    assertThat(f.lines()).as("lines of\n%s", text).isEqualTo(j.lines());
    assertThat(new ArrayList<>(f.lines().keySet())).isEqualTo(new ArrayList<>(j.lines().keySet()));
    assertThat(f.line()).as("root line of\n%s", text).isEqualTo(j.line());
    return true;
  }

  /** The fenced blocks of a markdown text (any language), and the whole text for YAML files. */
  static List<String> blocks(String name) {
    String text = Fixtures.text(name);
    List<String> out = new ArrayList<>();
    if (!name.endsWith(".md")) {
      out.add(text);
      return out;
    }
    StringBuilder block = null;
    for (String line : text.split("\n", -1)) {
      if (line.strip().startsWith("```")) {
        if (block == null) {
          block = new StringBuilder();
        } else {
          out.add(block.toString());
          block = null;
        }
      } else if (block != null) {
        block.append(line).append('\n');
      }
    }
    return out;
  }

  @Example
  void everyFixtureBlockParsesTheSameThroughBothPaths() {
    int accepted = 0;
    int total = 0;
    for (String name : Fixtures.ALL) {
      for (String block : blocks(name)) {
        total++;
        if (sameAsJackson(block)) {
          accepted++;
        }
      }
    }
    // The fixtures are mostly plain block YAML: the fast path must take most blocks, or it buys
    // nothing on real blueprints.
    assertThat(total).isGreaterThan(50);
    assertThat(accepted).isGreaterThan(total / 2);
  }

  @Example
  void aGeneratedBenchTaskBlockTakesTheFastPath() {
    String block =
        """
        task_id: T3
        name: "Task 3"
        status: not_started
        dependencies: [T1, T2]
        interface:
          input: "outputs of the dependencies"
          output: "module T3"
        acceptance_criteria:
          - "module T3 builds"
        output:
          location: file
          ports:
            result:
              type: file
        resources:
          locks:
            - name: db
              mode: exclusive
        estimated_sessions: 2
        rollback: |
          git checkout -- src/T3
          rm -rf out
        """;
    assertThat(sameAsJackson(block)).isTrue();
  }

  @Example
  void quotedAndPlainScalarsReadInPlaceMatchJacksonIncludingRepeatsAndEdgeCases() {
    // Values read twice (the second from the shared table), quotes that only the slow path reads,
    // comments after a closing quote, empty quotes, long values and words the resolver types.
    String block =
        """
        task_id: T1
        a: "not_started"
        b: "not_started"
        c: 'it''s'
        d: 'back\\slash'
        e: "x" # comment
        f: ''
        g: ""
        h: "%s"
        i: "%s"
        j: [T1, T2, T1, yes, 12, file, file]
        k: file
        l: file # plain with a comment
        m: "é — ü"
        n: 'é — ü'
        o: off
        p: %s
        """
            .formatted("y".repeat(48), "z".repeat(49), "w".repeat(60));
    assertThat(sameAsJackson(block)).isTrue();
    assertThat(sameAsJackson("a: \"esc\\\"aped\"\n")).isFalse();
  }

  @Example
  void readingEveryFixtureGivesTheSameBlueprintAndDiagnosticsWithAndWithoutTheFastPath()
      throws Exception {
    for (String name : Fixtures.ALL) {
      String text = Fixtures.text(name);
      Blueprint fast = BlueprintReader.readString(text, name);
      Blueprint jackson = withoutFastPath(() -> BlueprintReader.readString(text, name));
      assertThat(fast).as(name).isEqualTo(jackson);
      assertThat(Validator.validate(fast).diagnostics())
          .as(name)
          .isEqualTo(Validator.validate(jackson).diagnostics());
    }
  }

  @Property(tries = 300)
  void mutatedFixtureBlocksParseTheSameWhenTheFastPathAcceptsThem(
      @ForAll("mutatedBlocks") String text) throws Exception {
    sameAsJackson(text);
    Blueprint fast = BlueprintReader.readString("# T\n\n```yaml\n" + text + "```\n", "m");
    Blueprint jackson =
        withoutFastPath(() -> BlueprintReader.readString("# T\n\n```yaml\n" + text + "```\n", "m"));
    assertThat(fast).isEqualTo(jackson);
  }

  @Property(tries = 500)
  void generatedDocumentsParseTheSameWhenTheFastPathAcceptsThem(
      @ForAll("anyDocuments") String text) {
    sameAsJackson(text);
  }

  @Property(tries = 300)
  void generatedDocumentsInTheSubsetTakeTheFastPathAndParseTheSame(
      @ForAll("subsetDocuments") String text) {
    assertThat(sameAsJackson(text)).as("fast path refused\n%s", text).isTrue();
  }

  private static <T> T withoutFastPath(Callable<T> read) throws Exception {
    LocatedTreeParser.fastPath = false;
    try {
      return read.call();
    } finally {
      LocatedTreeParser.fastPath = true;
    }
  }

  // ---- generators

  private static final List<String> SAFE_SCALARS =
      List.of(
          "T1",
          "x",
          "a b",
          "module T3 builds",
          "not_started",
          "yes",
          "No",
          "on",
          "OFF",
          "true",
          "False",
          "null",
          "~",
          "0",
          "12",
          "-5",
          "123456789",
          "1.5",
          ".5",
          "1e5",
          "-e",
          "C#",
          "http://x/y",
          "a:b",
          "café",
          "2026-01-01x",
          "make test-T1",
          "x,y",
          "a[b]",
          "q'x");

  private static final List<String> ODD_SCALARS =
      List.of(
          "007",
          "+5",
          "1234567890",
          "1_000",
          "0x1F",
          "0o17",
          "1:20",
          ".inf",
          "-.inf",
          ".nan",
          "2026-01-01",
          "2026-01-01T00:00:00Z",
          "<<",
          "=",
          "a #b",
          "a: b",
          "- a",
          "-",
          "?x",
          "[x]",
          "{x}",
          "'q'",
          "\"q\"",
          "it's",
          "x\\y",
          "",
          " lead",
          "trail ",
          "#c",
          "&a x",
          "*a",
          "!t x",
          "%p",
          "@a",
          "`b",
          "|",
          ">",
          "y",
          "n",
          "a\tb",
          "\u00a0",
          "x\ny",
          ":",
          "a  b",
          "{}",
          "[]",
          "--- x",
          "...");

  private static final List<String> KEYS =
      List.of(
          "task_id",
          "name",
          "a",
          "b",
          "dependencies",
          "x.y",
          "k-1",
          "_meta",
          "yes",
          "null",
          "T1",
          "c");

  private static final List<String> ODD_KEYS = List.of("1", "a b", "\"q\"", "'s'", "? k", "~");

  @Provide
  Arbitrary<String> subsetDocuments() {
    return mapping(3, false).map(n -> n.render(0, true));
  }

  @Provide
  Arbitrary<String> anyDocuments() {
    return node(3, true).map(n -> n.render(0, true));
  }

  @Provide
  Arbitrary<String> mutatedBlocks() {
    List<String> all = new ArrayList<>();
    for (String name : Fixtures.ALL) {
      if (name.endsWith(".md")) {
        all.addAll(blocks(name));
      }
    }
    Arbitrary<String> pieces =
        Arbitraries.of(
            ": ",
            "- ",
            "  ",
            "\n",
            "#",
            " #x",
            "\"",
            "'",
            "|",
            ">",
            "[",
            "]",
            "{",
            "}",
            "&a ",
            "*a",
            "!!str ",
            "---\n",
            "\t",
            "\\",
            "yes",
            "1.5",
            "007",
            "\n  - x",
            "\nkey: v",
            "? ",
            ",",
            "~");
    return Combinators.combine(
            Arbitraries.of(all),
            Arbitraries.integers().between(0, 1_000_000),
            pieces,
            Arbitraries.integers().between(0, 2))
        .as(
            (block, at, piece, op) -> {
              int i = at % (block.length() + 1);
              return switch (op) {
                case 0 -> block.substring(0, i) + piece + block.substring(i);
                case 1 -> block.substring(0, i) + block.substring(Math.min(block.length(), i + 1));
                default ->
                    block.substring(0, i)
                        + piece
                        + block.substring(Math.min(block.length(), i + 2));
              };
            });
  }

  /** A generated YAML value with its rendering. */
  private interface Gen {
    /** Lines for this value as the value of a key or entry at {@code indent}. */
    String render(int indent, boolean root);
  }

  private Arbitrary<Gen> node(int depth, boolean odd) {
    Arbitrary<Gen> scalar = scalar(odd);
    if (depth == 0) {
      return scalar;
    }
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(2, scalar),
        net.jqwik.api.Tuple.of(3, mapping(depth, odd)),
        net.jqwik.api.Tuple.of(2, sequence(depth, odd)),
        net.jqwik.api.Tuple.of(1, flow(odd)));
  }

  private Arbitrary<Gen> scalar(boolean odd) {
    Arbitrary<String> values =
        odd
            ? Arbitraries.oneOf(Arbitraries.of(SAFE_SCALARS), Arbitraries.of(ODD_SCALARS))
            : Arbitraries.of(SAFE_SCALARS);
    Arbitrary<Integer> styles = Arbitraries.integers().between(0, odd ? 7 : 6);
    return Combinators.combine(values, styles, Arbitraries.of("", " # c"))
        .as(
            (v, style, comment) ->
                (indent, root) -> {
                  String pad = " ".repeat(indent + 2);
                  String line2 = v.isEmpty() ? "z" : v.replace("\n", " ");
                  return switch (style) {
                    case 0, 1 -> " " + v + comment + "\n";
                    case 2 ->
                        " \""
                            + v.replace("\\", "\\\\").replace("\"", "\\\"")
                            + "\""
                            + comment
                            + "\n";
                    case 3 -> " '" + v.replace("'", "''") + "'" + comment + "\n";
                    case 4 ->
                        " |" + comment + "\n" + pad + line2 + "\n" + pad + "  more " + line2 + "\n";
                    case 5 -> " |-\n" + pad + line2 + "\n\n" + pad + "end\n";
                    case 6 -> " >\n" + pad + line2 + "\n" + pad + "folded\n";
                    default -> " >-\n" + pad + line2 + "\n\n" + pad + "  more\n";
                  };
                });
  }

  private Arbitrary<Gen> flow(boolean odd) {
    Arbitrary<String> values =
        odd
            ? Arbitraries.oneOf(Arbitraries.of(SAFE_SCALARS), Arbitraries.of(ODD_SCALARS))
            : Arbitraries.of(List.of("T1", "T2", "-e", "a b", "12", "yes", "null", "x.y"));
    return values
        .list()
        .ofMaxSize(4)
        .map(vs -> (indent, root) -> " [" + String.join(", ", vs) + "]\n");
  }

  private Arbitrary<Gen> mapping(int depth, boolean odd) {
    Arbitrary<String> keys =
        odd
            ? Arbitraries.oneOf(Arbitraries.of(KEYS), Arbitraries.of(ODD_KEYS))
            : Arbitraries.of(KEYS);
    Arbitrary<List<String>> names =
        odd
            ? keys.list().ofMinSize(1).ofMaxSize(4)
            : keys.list().ofMinSize(1).ofMaxSize(4).uniqueElements();
    return Combinators.combine(
            names,
            node(depth - 1, odd).list().ofSize(4),
            Arbitraries.integers().between(odd ? 1 : 2, odd ? 4 : 3),
            Arbitraries.of(false, true))
        .as(
            (ks, values, step, comments) ->
                (indent, root) -> {
                  int at = root ? indent : indent + step;
                  String pad = " ".repeat(at);
                  StringBuilder sb = new StringBuilder(root ? "" : "\n");
                  for (int i = 0; i < ks.size(); i++) {
                    if (comments && i == 1) {
                      sb.append(pad).append("# between\n\n");
                    }
                    sb.append(pad).append(ks.get(i)).append(':');
                    sb.append(values.get(i).render(at, false));
                  }
                  return sb.toString();
                });
  }

  private Arbitrary<Gen> sequence(int depth, boolean odd) {
    return Combinators.combine(
            node(depth - 1, odd).list().ofMinSize(1).ofMaxSize(3),
            Arbitraries.integers().between(odd ? 0 : 1, odd ? 3 : 2))
        .as(
            (values, step) ->
                (indent, root) -> {
                  int at = root ? indent : indent + step;
                  String pad = " ".repeat(at);
                  StringBuilder sb = new StringBuilder(root ? "" : "\n");
                  for (Gen v : values) {
                    String r = v.render(at, false);
                    sb.append(pad).append('-').append(r);
                  }
                  return sb.toString();
                });
  }
}
