package dev.blueprint.journal.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TranscriptReaderTest {

  private static TranscriptFacts basic() throws Exception {
    return new TranscriptReader()
        .read(
            Path.of(
                TranscriptReaderTest.class
                    .getResource("/transcripts/session-basic.jsonl")
                    .toURI()));
  }

  @Test
  void countsUsageOncePerMessageAndRequestAlthoughStreamedOverSeveralLines() throws Exception {
    assertThat(basic().usage()).isEqualTo(new TokenUsage(35, 250, 1100, 9000));
  }

  @Test
  void listsEditedFilesOfEveryEditingToolOnceInOrderOfFirstEdit() throws Exception {
    assertThat(basic().editedFiles())
        .containsExactly(
            "/repo/demo/src/greet.py", "/repo/demo/Makefile", "/repo/demo/notes.ipynb");
  }

  @Test
  void listsBashCommandsInOrder() throws Exception {
    assertThat(basic().commands()).containsExactly("make test", "git commit -am 'Add greeting'");
  }

  @Test
  void namesEveryRealModelAndSkipsSyntheticMessages() throws Exception {
    TranscriptFacts facts = basic();
    assertThat(facts.models())
        .containsExactly("claude-sonnet-4-5-20250929", "claude-opus-4-5-20251101");
    assertThat(facts.lastModel()).contains("claude-opus-4-5-20251101");
  }

  @Test
  void readsSessionCwdSpanAndSummary() throws Exception {
    TranscriptFacts facts = basic();
    assertThat(facts.sessionId()).contains("6f1c2d3e-4b5a-4c6d-8e7f-901a2b3c4d5e");
    assertThat(facts.cwd()).contains("/repo/demo");
    assertThat(facts.firstTimestamp()).contains(Instant.parse("2026-01-12T22:00:00Z"));
    assertThat(facts.lastTimestamp()).contains(Instant.parse("2026-01-12T22:06:00Z"));
    assertThat(facts.summaries()).containsExactly("Add greeting module and fix the build");
  }

  @Test
  void pairsEachFailedToolResultWithTheCallItAnswers() throws Exception {
    assertThat(basic().toolFailures())
        .containsExactly(
            new ToolFailure(
                "Bash",
                "make test",
                "make: *** No rule to make target 'build'.  Stop.\nexit status 2"));
  }

  @Test
  void skipsAndCountsMalformedLinesWithoutFailing() throws Exception {
    TranscriptFacts facts = basic();
    assertThat(facts.malformedLines()).isEqualTo(2);
    assertThat(facts.lines()).isEqualTo(11);
  }

  @Test
  void readsAnEmptyOrGarbageTranscriptAsNoFacts() throws Exception {
    TranscriptFacts facts = new TranscriptReader().read(new StringReader("{{{\n\u0000\nnull\n"));
    assertThat(facts.malformedLines()).isEqualTo(3);
    assertThat(facts.usage()).isEqualTo(TokenUsage.ZERO);
    assertThat(facts.sessionId()).isEmpty();
    assertThat(facts.firstTimestamp()).isEmpty();
  }

  @Test
  void toleratesWrongTypesInsideOtherwiseValidLines() throws Exception {
    String line =
        "{\"type\":\"assistant\",\"timestamp\":42,\"message\":{\"content\":\"text, not blocks\","
            + "\"usage\":{\"input_tokens\":\"many\",\"output_tokens\":7}}}\n"
            + "{\"type\":\"user\",\"message\":{\"content\":[{\"type\":\"tool_result\",\"is_error\":true,"
            + "\"content\":[{\"type\":\"text\",\"text\":\"boom\"}],\"tool_use_id\":\"nope\"}]}}\n";
    TranscriptFacts facts = new TranscriptReader().read(new StringReader(line));
    assertThat(facts.malformedLines()).isZero();
    assertThat(facts.usage()).isEqualTo(new TokenUsage(0, 7, 0, 0));
    assertThat(facts.toolFailures()).containsExactly(new ToolFailure("unknown", "", "boom"));
  }
}
