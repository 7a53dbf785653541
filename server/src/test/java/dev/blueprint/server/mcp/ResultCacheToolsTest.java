package dev.blueprint.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * validate and plan through the result cache, on real files: a blueprint seen before is answered
 * without being parsed again, and anything that could change the answer (the file's content, its
 * name, the options, the tool) misses.
 */
class ResultCacheToolsTest {
  @TempDir Path repo;

  String example;
  String cycle;
  BlueprintSource source;
  ResultCache cache;
  ValidateTool validate;
  PlanTool plan;

  @BeforeEach
  void setUp() throws IOException {
    example = fixture("example_blueprint.md");
    cycle = fixture("cycle.bp.md");
    Files.writeString(repo.resolve("a.bp.md"), example);
    source = new BlueprintSource(new RepositoryRoot(repo), BlueprintServer.MAX_FILE_BYTES);
    cache = ResultCache.bounded();
    validate = new ValidateTool(source, cache);
    plan = new PlanTool(source, new BlueprintDrafter(), cache);
  }

  static String fixture(String name) throws IOException {
    try (InputStream in =
        ResultCacheToolsTest.class.getResourceAsStream("/mcp-repo/blueprints/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static ToolArguments args(Object... pairs) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], pairs[i + 1]);
    }
    return new ToolArguments(m);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> structured(CallToolResult r) {
    return (Map<String, Object>) r.structuredContent();
  }

  static String text(CallToolResult r) {
    return ((TextContent) r.content().get(0)).text();
  }

  CallToolResult plan(ToolArguments args) {
    return plan.call(new ToolCall(null, args, null));
  }

  @Test
  void sameFileContentIsAnsweredWithoutParsingAgain() {
    CallToolResult first = validate.call(args("path", "a.bp.md"));
    CallToolResult second = validate.call(args("path", "./a.bp.md"));
    assertThat(source.parses()).isEqualTo(1);
    assertThat(cache.hits()).isEqualTo(1);
    assertThat(second).isEqualTo(first);
    assertThat(structured(second).get("valid")).isEqualTo(true);
    assertThat(structured(second).get("source")).isEqualTo("a.bp.md");
  }

  @Test
  void anEditedFileMissesAndGetsItsNewDiagnostics() throws IOException {
    assertThat(validate.call(args("path", "a.bp.md")).isError()).isFalse();
    Files.writeString(repo.resolve("a.bp.md"), cycle);
    CallToolResult edited = validate.call(args("path", "a.bp.md"));
    assertThat(source.parses()).isEqualTo(2);
    assertThat(edited.isError()).isTrue();
    assertThat(text(edited)).startsWith("invalid: a.bp.md").contains("E_CYCLE");
    // Back to the first content: that result is still held, and still right.
    Files.writeString(repo.resolve("a.bp.md"), example);
    assertThat(validate.call(args("path", "a.bp.md")).isError()).isFalse();
    assertThat(source.parses()).isEqualTo(2);
  }

  @Test
  void theSameContentUnderAnotherNameIsNamedByItsOwnPath() throws IOException {
    Files.createDirectories(repo.resolve("sub"));
    Files.writeString(repo.resolve("sub/b.bp.md"), example);
    CallToolResult a = validate.call(args("path", "a.bp.md"));
    CallToolResult b = validate.call(args("path", "sub/b.bp.md"));
    CallToolResult asText = validate.call(args("text", example));
    assertThat(structured(a).get("source")).isEqualTo("a.bp.md");
    assertThat(structured(b).get("source")).isEqualTo("sub/b.bp.md");
    assertThat(structured(asText).get("source")).isEqualTo("<text>");
    assertThat(text(b)).startsWith("valid: sub/b.bp.md");
    assertThat(source.parses()).isEqualTo(3);
  }

  @Test
  void textIsCachedByItsWholeContent() {
    validate.call(args("text", cycle));
    CallToolResult again = validate.call(args("text", new String(cycle.toCharArray())));
    CallToolResult changed = validate.call(args("text", cycle + "\n"));
    assertThat(again.isError()).isTrue();
    assertThat(changed.isError()).isTrue();
    assertThat(source.parses()).isEqualTo(2);
  }

  @Test
  void planKeysOnItsOptionsAndDoesNotShareValidateResults() throws IOException {
    // T0.2 and T1.1 both follow T0.1 here: two tasks can run side by side unless told otherwise.
    Files.writeString(
        repo.resolve("wide.bp.md"),
        example.replace("dependencies: [T0.2]", "dependencies: [T0.1]"));
    CallToolResult checked = validate.call(args("path", "wide.bp.md"));
    CallToolResult planned = plan(args("path", "wide.bp.md"));
    CallToolResult again = plan(args("path", "wide.bp.md"));
    CallToolResult narrow = plan(args("path", "wide.bp.md", "max_parallel", 1));
    assertThat(structured(checked)).containsKey("diagnostics");
    assertThat(structured(planned).get("max_width")).isEqualTo(2);
    assertThat(again).isEqualTo(planned);
    assertThat(structured(narrow).get("max_width")).isEqualTo(1);
    assertThat(source.parses()).isEqualTo(3);
  }

  @Test
  void refusalsAreNotCached() throws IOException {
    assertThat(text(validate.call(args("path", "later.bp.md")))).contains("no such file");
    Files.writeString(repo.resolve("later.bp.md"), example);
    assertThat(validate.call(args("path", "later.bp.md")).isError()).isFalse();
  }

  @Test
  void aFileThatIsNotUtf8IsRefusedButAReplacementCharacterIsText() throws IOException {
    Files.write(repo.resolve("bad.bp.md"), new byte[] {'#', ' ', (byte) 0xC3, '(', '\n'});
    assertThat(text(validate.call(args("path", "bad.bp.md")))).startsWith("cannot read bad.bp.md");
    Files.writeString(repo.resolve("odd.bp.md"), example.replace("Example Project", "Ex\uFFFD"));
    assertThat(validate.call(args("path", "odd.bp.md")).isError()).isFalse();
  }

  @Test
  void withTheCacheOffEveryCallParses() {
    ValidateTool uncached = new ValidateTool(source, ResultCache.off());
    CallToolResult first = uncached.call(args("path", "a.bp.md"));
    CallToolResult second = uncached.call(args("path", "a.bp.md"));
    assertThat(source.parses()).isEqualTo(2);
    assertThat(second).isEqualTo(first);
  }

  @Test
  void keepsTheMostRecentlyUsedWithinItsCountAndWeight() {
    ResultCache small = new ResultCache(2, 1_000);
    int[] computed = {0};
    CallToolResult r = ToolReplies.failure("x".repeat(10));
    ResultCache.Key a = new ResultCache.Key("validate", "", "<text>", "a");
    ResultCache.Key b = new ResultCache.Key("validate", "", "<text>", "b");
    ResultCache.Key c = new ResultCache.Key("validate", "", "<text>", "c");
    for (ResultCache.Key k : List.of(a, b, a, c)) {
      small.get(
          k,
          () -> {
            computed[0]++;
            return r;
          });
    }
    // a was used after b, so b went when c came.
    assertThat(small.size()).isEqualTo(2);
    small.get(
        a,
        () -> {
          computed[0]++;
          return r;
        });
    small.get(
        b,
        () -> {
          computed[0]++;
          return r;
        });
    assertThat(computed[0]).isEqualTo(4);

    ResultCache light = new ResultCache(64, 100);
    ResultCache.Key huge = new ResultCache.Key("validate", "", "<text>", "y".repeat(95));
    light.get(huge, () -> r);
    // 95 characters of blueprint and 10 of text weigh over the whole 100: never held.
    assertThat(light.size()).isEqualTo(0);
    for (String t : List.of("p", "q", "s")) {
      light.get(new ResultCache.Key("validate", "", "<text>", t.repeat(30)), () -> r);
    }
    // Three entries of 40 are over 100: the oldest went.
    assertThat(light.size()).isEqualTo(2);
  }
}
