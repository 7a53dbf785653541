package dev.blueprint.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken input over both transports: every bad message gets a JSON-RPC error, and the next good
 * request is still served.
 */
class MalformedMessagesIT {
  static final ObjectMapper JSON = new ObjectMapper();
  static final int LIMIT = 64 * 1024;
  static final String OVERSIZED =
      "{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":\"ping\",\"params\":{\"pad\":\""
          + "x".repeat(LIMIT + 10)
          + "\"}}";

  @TempDir Path work;

  @Test
  void stdioAnswersEachBadLineWithAnErrorAndKeepsServing() throws Exception {
    Path repo = TestRepository.copyInto(work.resolve("repo"));
    Process p = ServerProcess.startStdio(repo, "--max-message-bytes", Integer.toString(LIMIT));
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  lines.add(line);
                }
              } catch (Exception e) {
                // process ended
              }
            });
    reader.setDaemon(true);
    reader.start();
    try (OutputStream in = p.getOutputStream()) {
      send(in, HttpSecurityIT.INITIALIZE);
      send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
      send(in, "garbage{");
      send(in, OVERSIZED);
      send(in, "{\"id\":7,\"method\":\"ping\"}");
      send(in, "[{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"ping\"}]");
      send(in, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"blueprint/no-such-method\"}");
      send(in, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/list\"}");

      List<JsonNode> replies = new ArrayList<>();
      while (replies.stream().noneMatch(r -> r.path("id").asInt() == 4)) {
        String line = lines.poll(60, TimeUnit.SECONDS);
        assertThat(line).as("a reply before the timeout; got " + replies).isNotNull();
        // Nothing but JSON-RPC on stdout: every line parses.
        replies.add(JSON.readTree(line));
      }
      assertThat(errorCodes(replies, null)).containsExactly(-32700, -32600, -32600);
      assertThat(errorCodes(replies, 7)).containsExactly(-32600);
      assertThat(errorCodes(replies, 3)).containsExactly(-32601);
      JsonNode tools = byId(replies, 4);
      assertThat(tools.path("result").path("tools").size()).isGreaterThanOrEqualTo(3);
      assertThat(replies.toString()).doesNotContain("\tat ", "stackTrace");
    } finally {
      p.destroy();
      p.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void stdioAnswersEveryPipedRequestBeforeExitingAtEndOfInput() throws Exception {
    Path repo = TestRepository.copyInto(work.resolve("repo"));
    Process p = ServerProcess.startStdio(repo);
    try (OutputStream in = p.getOutputStream()) {
      send(in, HttpSecurityIT.INITIALIZE);
      send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
      send(
          in,
          "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":"
              + "\"validate\",\"arguments\":{\"path\":\""
              + TestRepository.EXAMPLE
              + "\"}}}");
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    List<JsonNode> replies = new ArrayList<>();
    for (String line : out.split("\n")) {
      replies.add(JSON.readTree(line));
    }
    assertThat(byId(replies, 1).path("result").path("serverInfo").path("name").asText())
        .isEqualTo("blueprint");
    assertThat(byId(replies, 2).path("result").path("structuredContent").path("task_count").asInt())
        .isEqualTo(3);
  }

  @Test
  void httpAnswersEachBadBodyWithAnErrorAndKeepsServing() throws Exception {
    Path repo = TestRepository.copyInto(work.resolve("repo"));
    try (ServerProcess server =
        ServerProcess.startHttp(
            repo,
            Map.of(),
            "--http",
            "127.0.0.1:0",
            "--no-auth",
            "--max-message-bytes",
            Integer.toString(LIMIT))) {
      HttpClient http = HttpClient.newHttpClient();
      String url = server.baseUrl() + "/mcp";
      HttpResponse<String> init = post(http, url, null, HttpSecurityIT.INITIALIZE);
      String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
      post(http, url, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");

      assertError(post(http, url, session, "garbage{"), 400, -32700);
      assertError(post(http, url, session, OVERSIZED), 413, -32600);
      assertError(post(http, url, session, "{\"id\":7,\"method\":\"ping\"}"), 400, -32600);
      assertError(
          post(http, url, null, "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"ping\"}"), 400, -32601);
      HttpResponse<String> unknown =
          post(http, url, session, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"blueprint/x\"}");
      assertThat(unknown.body()).contains("\"id\":3", "\"code\":-32601");

      HttpResponse<String> next =
          post(http, url, session, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/list\"}");
      assertThat(next.statusCode()).isEqualTo(200);
      assertThat(next.body()).contains("\"id\":4", "\"validate\"", "\"plan\"");
    }
  }

  static void assertError(HttpResponse<String> r, int status, int code) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.path("jsonrpc").asText()).isEqualTo("2.0");
    assertThat(body.path("error").path("code").asInt()).isEqualTo(code);
    assertThat(r.body()).doesNotContain("stackTrace", "\tat ");
  }

  static HttpResponse<String> post(HttpClient http, String url, String session, String body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .header("Mcp-Protocol-Version", "2025-06-18")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (session != null) {
      b.header("Mcp-Session-Id", session);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static void send(OutputStream in, String line) throws Exception {
    in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  static List<Integer> errorCodes(List<JsonNode> replies, Integer id) {
    List<Integer> codes = new ArrayList<>();
    for (JsonNode r : replies) {
      boolean idMatches = id == null ? r.path("id").isNull() : r.path("id").asInt() == id;
      if (idMatches && r.has("error")) {
        codes.add(r.path("error").path("code").asInt());
      }
    }
    return codes;
  }

  static JsonNode byId(List<JsonNode> replies, int id) {
    return replies.stream().filter(r -> r.path("id").asInt() == id).findFirst().orElseThrow();
  }
}
