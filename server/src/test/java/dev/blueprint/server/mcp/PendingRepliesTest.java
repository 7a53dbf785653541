package dev.blueprint.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PendingRepliesTest {
  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void readsTheIdOfRepliesOnlyWhateverTheKeyOrder() {
    assertThat(PendingReplies.replyId(bytes("{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{}}")))
        .isEqualTo("3");
    assertThat(PendingReplies.replyId(bytes("{\"result\":{\"a\":[1]},\"id\":\"x\"}")))
        .isEqualTo("x");
    assertThat(PendingReplies.replyId(bytes("{\"id\":4,\"error\":{\"code\":-1}}"))).isEqualTo("4");
    assertThat(PendingReplies.replyId(bytes("{\"id\":5,\"method\":\"ping\"}"))).isNull();
    assertThat(PendingReplies.replyId(bytes("{\"method\":\"notifications/progress\"}"))).isNull();
    assertThat(PendingReplies.replyId(bytes("not json"))).isNull();
  }

  @Test
  void waitsUntilEveryExpectedReplyWentOutAndPassesBytesThrough() throws Exception {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    PendingReplies pending = new PendingReplies(stdout);
    pending.expect("1");
    pending.expect("2");
    pending.write(bytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}\n"));
    assertThat(pending.awaitNone(10)).isFalse();
    Thread writer =
        new Thread(
            () -> {
              try {
                Thread.sleep(50);
                pending.write(bytes("{\"jsonrpc\":\"2.0\",\"id\":2,\"error\":{}}"));
                pending.write('\n');
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    writer.start();
    assertThat(pending.awaitNone(10_000)).isTrue();
    writer.join();
    assertThat(stdout.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}\n{\"jsonrpc\":\"2.0\",\"id\":2,\"error\":{}}\n");
  }
}
