package dev.blueprint.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.json.McpJsonDefaults;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonRpcCheckTest {
  final JsonRpcCheck check = new JsonRpcCheck(McpJsonDefaults.getMapper(), 200);

  JsonRpcCheck.Verdict verdict(String text) {
    return check.check(text.getBytes(StandardCharsets.UTF_8));
  }

  String reply(String text) {
    JsonRpcCheck.Verdict v = verdict(text);
    assertThat(v).isInstanceOf(JsonRpcCheck.Reject.class);
    return ((JsonRpcCheck.Reject) v).reply();
  }

  @Test
  void passesRequestsNotificationsAndResponses() {
    assertThat(verdict("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"))
        .isInstanceOf(JsonRpcCheck.Pass.class);
    assertThat(verdict("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"))
        .isInstanceOf(JsonRpcCheck.Pass.class);
    assertThat(verdict("{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"result\":{}}"))
        .isInstanceOf(JsonRpcCheck.Pass.class);
  }

  @Test
  void textThatIsNotJsonIsAParseErrorWithNullId() {
    assertThat(reply("{\"jsonrpc\":\"2.0\","))
        .isEqualTo(
            "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,"
                + "\"message\":\"Parse error: not valid JSON\"}}");
    assertThat(reply("{} trailing")).contains("-32700");
  }

  @Test
  void jsonThatIsNotJsonRpcIsAnInvalidRequestEchoingAReadableId() {
    assertThat(reply("{\"id\":7,\"method\":\"ping\"}"))
        .contains("\"id\":7", "-32600", "\\\"jsonrpc\\\" must be \\\"2.0\\\"");
    assertThat(reply("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"ping\"}"))
        .contains("\"id\":null", "-32600");
    assertThat(reply("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":3}")).contains("-32600");
    assertThat(reply("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",\"params\":[1]}"))
        .contains("-32600");
    assertThat(reply("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]"))
        .contains("batches are not supported");
    assertThat(reply("42")).contains("must be a JSON object");
  }

  @Test
  void messagesOverTheLimitAreInvalidRequests() {
    String big = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + "x".repeat(300) + "\"}";
    assertThat(reply(big)).contains("-32600", "larger than 200 bytes");
  }

  @Test
  void readsOnlyTheTopLevelMembersButStillRefusesBrokenJsonAnywhere() {
    assertThat(
            verdict(
                "{\"params\":{\"arguments\":{\"text\":\"a\\nb\"},\"x\":[1,{}]},"
                    + "\"jsonrpc\":\"2.0\",\"method\":\"tools/call\",\"id\":\"r1\",\"extra\":1}"))
        .isEqualTo(new JsonRpcCheck.Pass("r1"));
    assertThat(reply("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",\"params\":{\"a\":[1,}}"))
        .contains("-32700");
    assertThat(reply("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"} {}")).contains("-32700");
    assertThat(reply("[1,")).contains("-32700");
  }

  @Test
  void echoesLargeIdsAndCountsARepeatedMemberByItsLastValue() {
    assertThat(reply("{\"jsonrpc\":\"2.0\",\"id\":123456789012345678901,\"method\":5}"))
        .contains("\"id\":123456789012345678901", "-32600");
    assertThat(verdict("{\"jsonrpc\":\"1.0\",\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"))
        .isEqualTo(new JsonRpcCheck.Pass("1"));
    assertThat(reply("{\"jsonrpc\":2.0,\"id\":1,\"method\":\"ping\"}")).contains("-32600");
  }

  @Test
  void responsesStillGoThroughTheSdksReading() {
    assertThat(verdict("{\"jsonrpc\":\"2.0\",\"id\":2,\"error\":{\"code\":-1,\"message\":\"m\"}}"))
        .isEqualTo(new JsonRpcCheck.Pass(null));
    assertThat(reply("{\"jsonrpc\":\"2.0\",\"id\":2,\"error\":{\"code\":\"not a number\"}}"))
        .contains("\"id\":2", "-32600", "not a JSON-RPC 2.0 message");
  }
}
