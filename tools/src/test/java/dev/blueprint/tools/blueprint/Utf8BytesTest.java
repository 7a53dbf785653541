package dev.blueprint.tools.blueprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link Utf8Bytes} accepts exactly what the JDK's UTF-8 decoder accepts, and a file that is not
 * UTF-8 fails {@link BlueprintReader#readFile} as {@code Files.readString} fails it (same exception
 * type and message: the CLI maps {@code CharacterCodingException} to "not UTF-8 text", MCP shows
 * the message). Random bytes and random valid text read the same through the view as decoded first.
 */
class Utf8BytesTest {
  private static final byte[] MARKDOWN_HEAD =
      "# Títle — x\n\n```yaml\ntask_id: A\nname: ".getBytes(StandardCharsets.UTF_8);
  private static final byte[] MARKDOWN_TAIL = "\n```\n".getBytes(StandardCharsets.UTF_8);

  /** Malformed sequences by kind: truncated, overlong, surrogate, above U+10FFFF, stray bytes. */
  private static final List<String> MALFORMED =
      List.of(
          "e2",
          "e280",
          "c3",
          "f09f98",
          "e261",
          "c361", // truncated at the end or by ASCII
          "c0af",
          "c1bf",
          "e080af",
          "e09fbf",
          "f08080af",
          "f08fbfbf", // overlong
          "eda080",
          "edbfbf",
          "eda0bdedb880", // UTF-16 surrogates encoded
          "f4908080",
          "f5808080",
          "f7bfbfbf",
          "f888808080", // above U+10FFFF
          "80",
          "bf",
          "c3a980",
          "fe",
          "ff"); // lone continuation, never-valid bytes

  @Example
  void malformedSequencesAreRejectedAsTheJdkDecoderRejectsThem() {
    HexFormat hex = HexFormat.of();
    for (String h : MALFORMED) {
      byte[] bad = hex.parseHex(h);
      assertThat(Utf8Bytes.isValid(bad)).as(h).isFalse();
      assertThat(jdkAccepts(bad)).as(h).isFalse();
      assertThat(Utf8Bytes.isValid(markdownAround(bad))).as(h).isFalse();
    }
  }

  @Example
  void wellFormedEdgeSequencesAreAccepted() {
    HexFormat hex = HexFormat.of();
    for (String h :
        List.of("c280", "dfbf", "e0a080", "ed9fbf", "ee8080", "efbfbf", "f0908080", "f48fbfbf")) {
      assertThat(Utf8Bytes.isValid(hex.parseHex(h))).as(h).isTrue();
      assertThat(jdkAccepts(hex.parseHex(h))).as(h).isTrue();
    }
    assertThat(Utf8Bytes.isAscii("plain # text ```".repeat(5).getBytes(StandardCharsets.UTF_8)))
        .isTrue();
    assertThat(Utf8Bytes.isAscii("plain # text ```é".getBytes(StandardCharsets.UTF_8))).isFalse();
  }

  @Example
  void aByteOrderMarkIsFoundAnywhereAndOnlyWhereItIs() {
    for (String t :
        List.of("\uFEFF# T", "# T — x\uFEFF", "a".repeat(37) + "\uFEFF" + "b".repeat(9))) {
      assertThat(Utf8Bytes.containsBom(t.getBytes(StandardCharsets.UTF_8))).as(t).isTrue();
    }
    for (String t : List.of("", "# T", "# T — x \u0304 \uFFFE \uFEFE", "ab\u00EF\u00BB\u00BF")) {
      // U+00EF U+00BB U+00BF encode as C3 AF C2 BB C2 BF: no EF BB BF in the bytes
      assertThat(Utf8Bytes.containsBom(t.getBytes(StandardCharsets.UTF_8))).as(t).isFalse();
    }
  }

  @Example
  void aMalformedFileFailsReadFileExactlyAsReadStringFailsIt() throws IOException {
    HexFormat hex = HexFormat.of();
    for (String h : MALFORMED) {
      sameOutcome(markdownAround(hex.parseHex(h)));
      sameOutcome(hex.parseHex(h));
    }
  }

  @Property(tries = 300)
  void randomBytesAreValidExactlyWhenTheJdkDecodesThem(@ForAll("bytes") byte[] bytes) {
    assertThat(Utf8Bytes.isValid(bytes)).isEqualTo(jdkAccepts(bytes));
  }

  @Property(tries = 200)
  void randomBytesReadTheSameOrFailTheSameWay(@ForAll("bytes") byte[] bytes) throws IOException {
    sameOutcome(bytes);
  }

  @Property(tries = 200)
  void randomValidTextReadsTheSame(@ForAll("validText") String text) throws IOException {
    sameOutcome(text.getBytes(StandardCharsets.UTF_8));
  }

  /** readFile gives what decoding first gives, or throws what Files.readString throws. */
  private static void sameOutcome(byte[] bytes) throws IOException {
    Path file = Files.createTempFile("utf8bytes", ".md");
    try {
      Files.write(file, bytes);
      Object expected;
      try {
        expected =
            BlueprintReader.readString(
                Files.readString(file, StandardCharsets.UTF_8), file.toString());
      } catch (IOException e) {
        expected = e.getClass().getName() + ": " + e.getMessage();
      }
      Object actual;
      try {
        actual = BlueprintReader.readFile(file);
      } catch (IOException e) {
        actual = e.getClass().getName() + ": " + e.getMessage();
      }
      assertThat(actual).as(HexFormat.of().formatHex(bytes)).isEqualTo(expected);
    } finally {
      Utf8ViewReadingTest.deleteQuietly(file);
    }
  }

  private static boolean jdkAccepts(byte[] bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static byte[] markdownAround(byte[] middle) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(MARKDOWN_HEAD);
    out.writeBytes(middle);
    out.writeBytes(MARKDOWN_TAIL);
    return out.toByteArray();
  }

  /**
   * Byte arrays built from pieces: markdown lines, encoded text (2-, 3- and 4-byte chars), and
   * single random bytes (which make most of them malformed, in every position).
   */
  @Provide
  Arbitrary<byte[]> bytes() {
    Arbitrary<byte[]> markdown =
        Arbitraries.of(
                "# Títle — 🚀\n",
                "\n```yaml\ntask_id: A\n",
                "```\n",
                "## Tier 1: Ö\n",
                "<!-- _x: é -->\n",
                "\uFEFF",
                "\r\n",
                "{\"task_id\": \"É\"}",
                "tiers:\n  - tasks:\n      - task_id: Y\n")
            .map(s -> s.getBytes(StandardCharsets.UTF_8));
    Arbitrary<byte[]> text =
        Arbitraries.strings()
            .withCharRange('\u0080', '\uFFFF')
            .ofMaxLength(4)
            .map(s -> s.getBytes(StandardCharsets.UTF_8));
    Arbitrary<byte[]> emoji =
        Arbitraries.integers()
            .between(0x10000, 0x10FFFF)
            .map(cp -> new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
    Arbitrary<byte[]> raw = Arbitraries.bytes().map(b -> new byte[] {b});
    return Arbitraries.oneOf(markdown, text, emoji, raw)
        .list()
        .ofMaxSize(30)
        .map(
            pieces -> {
              ByteArrayOutputStream out = new ByteArrayOutputStream();
              pieces.forEach(out::writeBytes);
              return out.toByteArray();
            });
  }

  @Provide
  Arbitrary<String> validText() {
    Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(12);
    Arbitrary<String> lines =
        Arbitraries.of("# T — é\n", "```yaml\ntask_id: A\nname: ", "\n```\n", "### T1: 🚀\n", "\n");
    return Arbitraries.oneOf(any, lines).list().ofMaxSize(15).map(l -> String.join("", l));
  }
}
