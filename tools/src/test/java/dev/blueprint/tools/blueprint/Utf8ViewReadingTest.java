package dev.blueprint.tools.blueprint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blueprint.tools.validate.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Reading a file through the Latin-1 view of its bytes ({@link SourceText}) must give the blueprint
 * that decoding the file first gives ({@code readString(Files.readString(file))}, the reader before
 * the view): tasks, fields, lines, tiers, title, metadata, read and validation diagnostics. Files
 * are the fixtures, the fixtures with non-ASCII written into them, and generated documents with
 * non-ASCII in every place a value is cut from, CRLF, BOMs, and 2-, 3- and 4-byte chars.
 */
class Utf8ViewReadingTest {

  /**
   * Reads {@code text} from a file both ways and compares; returns whether it took the view (the
   * file is markdown by its bytes and not all ASCII).
   */
  static boolean sameAsDecodingFirst(String text) {
    return sameAsDecodingFirst(text.getBytes(StandardCharsets.UTF_8));
  }

  static boolean sameAsDecodingFirst(byte[] bytes) {
    Path file = null;
    try {
      file = Files.createTempFile("utf8view", ".bp.md");
      Files.write(file, bytes);
      Blueprint decodedFirst =
          BlueprintReader.readString(
              Files.readString(file, StandardCharsets.UTF_8), file.toString());
      Blueprint viaView = BlueprintReader.readFile(file);
      String what = new String(bytes, StandardCharsets.UTF_8);
      assertThat(viaView).as("blueprint of\n%s", what).isEqualTo(decodedFirst);
      assertThat(Validator.validate(viaView).diagnostics())
          .as("diagnostics of\n%s", what)
          .isEqualTo(Validator.validate(decodedFirst).diagnostics());
      return !Utf8Bytes.isAscii(bytes) && BlueprintReader.isMarkdown(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteQuietly(file);
    }
  }

  static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // a temp file left behind is harmless
      }
    }
  }

  @Example
  void everyFixtureReadsTheSameFromItsBytes() {
    for (String name : Fixtures.ALL) {
      sameAsDecodingFirst(Fixtures.text(name));
    }
  }

  @Example
  void theMarkdownFixturesWithNonAsciiTakeTheViewAndReadTheSame() {
    for (String name : Fixtures.ALL) {
      String text = Fixtures.text(name);
      if (name.endsWith(".md")) {
        String touched =
            text.replace("# ", "# Ünïcödé — ")
                .replace("name: ", "name: 🚀 ")
                .replace("-->", "é -->");
        assertThat(sameAsDecodingFirst(touched)).as(name).isTrue();
        assertThat(sameAsDecodingFirst(touched.replace("\n", "\r\n"))).as(name).isTrue();
      }
    }
  }

  @Example
  void aBenchShapedBlueprintTakesTheViewAndThePlainScan() throws Exception {
    String doc = PlainMarkdownScanTest.benchShaped(30);
    byte[] bytes = doc.getBytes(StandardCharsets.UTF_8);
    assertThat(sameAsDecodingFirst(bytes)).isTrue();
    SourceText view = SourceText.view(bytes);
    assertThat(view.isView()).isTrue();
    assertThat(PlainMarkdownScan.scan(new SourceLines(view), 0)).isNotNull();
    Blueprint b = BlueprintReader.readUtf8(bytes, "bench.md");
    assertThat(b.title()).isEqualTo("Bench 30 — Blueprint");
    assertThat(b.tasks()).hasSize(30);
  }

  @Example
  void valuesCutFromTheViewAreDecoded() throws Exception {
    String doc =
        "---\ntitle: Fröntmätter 🚀\nowner: Zoë\n---\n"
            + "<!-- _generator: gén€rator -->\n\n"
            + "## Tier 1: Büild — 𝄞 ##\n\n"
            + "### T1 — Ünïcode naïve\u2003\n\n"
            + "```yaml\ntask_id: T1\nname: \"Ünïcode 中文 🚀\"\nstatus: ✅\n```\n";
    byte[] bytes = doc.getBytes(StandardCharsets.UTF_8);
    assertThat(sameAsDecodingFirst(bytes)).isTrue();
    Blueprint b = BlueprintReader.readUtf8(bytes, "<t>");
    assertThat(b.title()).isEqualTo("Fröntmätter 🚀");
    assertThat(b.metadata().values()).containsEntry("_generator", "gén€rator");
    assertThat(b.metadata().values()).containsEntry("owner", "Zoë");
    assertThat(b.tiers().get(0).name()).isEqualTo("Büild — 𝄞");
    assertThat(b.tasks().get(0).name()).isEqualTo("Ünïcode 中文 🚀");
    assertThat(b.tasks().get(0).line()).isEqualTo(12);
  }

  @Example
  void aLineOpeningWithUnicodeWhitespaceIsLeftToCommonmarkAsInTheDecodedText() {
    for (String space : List.of("\u00A0", "\u2003", "\u3000", "\u1680", "\u202F")) {
      String doc = "# T — x\n\n" + space + "text\n\n```yaml\ntask_id: A\n```\n";
      assertThat(PlainMarkdownScan.scan(new SourceLines(doc), 0)).as(space).isNull();
      SourceText view = SourceText.view(doc.getBytes(StandardCharsets.UTF_8));
      assertThat(PlainMarkdownScan.scan(new SourceLines(view), 0)).as(space).isNull();
      assertThat(sameAsDecodingFirst(doc)).isTrue();
    }
  }

  @Example
  void bomsAndLineEndsAreHandledAsInTheDecodedText() {
    for (String doc :
        List.of(
            "\uFEFF# Títle\r\n\r\n```yaml\r\ntask_id: A\r\nname: é\r\n```\r\n",
            "\uFEFF\uFEFF  \n# Títle\n\n```yaml\ntask_id: A\n```\n",
            "# Títle\n\uFEFF## Tier 1: Ñ\n\n\uFEFF```yaml\ntask_id: A\n```\n",
            "#\uFEFF Títle\n\n```yaml\ntask_id: A\nname: x\uFEFFy\n```\n",
            "# Títle\r\r```yaml\rtask_id: A\r```\r",
            "# Títle\r\uFEFF\n```yaml\ntask_id: A\n```",
            "---\r\ntitle: Ö\r\n---\r\n# T\r\n```yaml\r\ntask_id: A\r\n```")) {
      sameAsDecodingFirst(doc);
    }
  }

  @Example
  void textThatIsNotMarkdownByItsBytesIsDecodedFirst() {
    for (String doc :
        List.of(
            "{\"title\": \"Ünï\", \"tiers\": [{\"tasks\": [{\"task_id\": \"A\"}]}]}",
            "\u2003{\"tasks\": [{\"task_id\": \"É\"}]}",
            "[{\"task_id\": \"É\"}]",
            "title: Ünï\ntiers:\n  - name: É\n    tasks:\n      - task_id: A\n",
            "title: x\u2028```yaml\ntask_id: A\n",
            "Ņ```yaml\ntask_id: A\n",
            "é")) {
      byte[] bytes = doc.getBytes(StandardCharsets.UTF_8);
      assertThat(BlueprintReader.isMarkdown(bytes)).as(doc).isFalse();
      sameAsDecodingFirst(bytes);
    }
  }

  @Property(tries = 300)
  void generatedDocumentsReadTheSameThroughTheView(@ForAll("documents") String doc) {
    sameAsDecodingFirst(doc);
  }

  /** Lines with non-ASCII in every place a value comes from, and ones the plain scan refuses. */
  private static final List<String> LINES =
      List.of(
          "",
          "# Títle — 🚀",
          "# Title ##",
          "## Tier 1: Bäu — 𝄞",
          "### T1 — Ünï",
          "### T2: 中文 ##",
          "Ünïcode paragraph, naïve",
          "> «quoted» text",
          "**Bøld** start",
          "\u00A0nbsp start",
          "\u2003em space",
          "  ",
          "<!-- _owner: Zoë -->",
          "<!-- BLUEPRINT METADATA — é\n_generator: gén\n-->",
          "```yaml\ntask_id: T1\nname: \"Ünï 🚀\"\ndependencies: [T2]\n```",
          "```yaml\ntask_id: T2\nstatus: ✅\n```",
          "```yaml ünï\ntask_id: T3\n```",
          "```yäml\ntask_id: T4\n```",
          "```\ntask_id: N1 — é\n```",
          "~~~yaml\ntask_id: W1\nname: ~é~\n~~~",
          "```yaml\ntask_id: [brökén\n```",
          "```yaml\ntask_id: Ö1\nname: é",
          "- list ü",
          "  ```yaml\n  task_id: I1\n  name: ü\n  ```",
          "<div>é</div>",
          "Títle\n=====",
          "---",
          "\uFEFF",
          "x\uFEFFy",
          "é\r",
          "\r\n",
          "ab\u2028cd",
          "\u0085",
          "\u00FF\u00FE");

  @Provide
  Arbitrary<String> documents() {
    return Arbitraries.of(LINES)
        .list()
        .ofMinSize(1)
        .ofMaxSize(20)
        .map(
            l -> {
              List<String> all = new ArrayList<>(l);
              all.add("```yaml\ntask_id: Z — é\n```"); // a fence, so most are markdown
              return String.join("\n", all) + "\n";
            });
  }
}
