package dev.blueprint.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorRewritingResponseTest {
  @Test
  void replacesAnSdkExceptionDumpWithTheJsonRpcErrorItCarries() {
    String dump =
        "{\"cause\":null,\"stackTrace\":[{\"methodName\":\"build\"}],\"jsonRpcError\":"
            + "{\"code\":-32601,\"message\":\"Session ID required\"},\"message\":\"x\"}";
    assertThat(ErrorRewritingResponse.rewrite(dump))
        .isEqualTo(
            "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32601,"
                + "\"message\":\"Session ID required\"}}");
  }

  @Test
  void leavesOtherBodiesAlone() {
    assertThat(ErrorRewritingResponse.rewrite("{\"error\":1}")).isEqualTo("{\"error\":1}");
    assertThat(ErrorRewritingResponse.rewrite("not json")).isEqualTo("not json");
  }
}
