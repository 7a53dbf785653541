package dev.blueprint.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.json.McpJsonDefaults;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gate reads stdin in chunks: lines must come out whole wherever the chunks end. */
class StdioGateTest {
  static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"ping\"}";

  /** Stdin that hands out at most {@code step} bytes per read, as a pipe may. */
  static InputStream trickle(String text, int step) {
    ByteArrayInputStream all = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    return new InputStream() {
      @Override
      public int read() {
        return all.read();
      }

      @Override
      public int read(byte[] b, int off, int len) {
        return all.read(b, off, Math.min(len, step));
      }
    };
  }

  record Run(List<String> passed, String stdout) {}

  static Run run(String input, int step, int maxBytes) {
    List<String> passed = new ArrayList<>();
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    new StdioGate(
            trickle(input, step),
            stdout,
            new JsonRpcCheck(McpJsonDefaults.getMapper(), maxBytes),
            0,
            line -> passed.add(new String(line, StandardCharsets.UTF_8)))
        .run();
    return new Run(passed, stdout.toString(StandardCharsets.UTF_8));
  }

  @Test
  void passesEveryLineWholeWhateverTheChunkSize() {
    String blueprint = "\"" + "é—x".repeat(500) + "\"";
    String big =
        "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\",\"params\":{\"t\":"
            + blueprint
            + "}}";
    String input = PING.formatted(1) + "\n\n  \r\n" + big + "\r\n" + PING.formatted(2);
    for (int step : new int[] {1, 3, 7, 64, 100_000}) {
      Run r = run(input, step, 1 << 20);
      assertThat(r.passed()).as("chunks of %d", step).hasSize(3);
      assertThat(r.passed().get(0)).isEqualTo(PING.formatted(1));
      assertThat(r.passed().get(1)).isEqualTo(big + "\r");
      assertThat(r.passed().get(2)).isEqualTo(PING.formatted(2));
      assertThat(r.stdout()).isEmpty();
    }
  }

  @Test
  void answersAnOversizedLineAndKeepsReadingAfterIt() {
    String oversized = "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"" + "x".repeat(500) + "\"}";
    String exact = PING.formatted(10) + " ".repeat(200 - PING.formatted(10).length());
    for (int step : new int[] {1, 13, 4096}) {
      Run r = run(oversized + "\nnot json\n" + exact + "\n", step, 200);
      assertThat(r.passed()).as("chunks of %d", step).containsExactly(exact);
      assertThat(r.stdout().lines().toList())
          .satisfiesExactly(
              first -> assertThat(first).contains("-32600", "larger than 200 bytes"),
              second -> assertThat(second).contains("-32700"));
    }
  }
}
