package dev.blueprint.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonDefaults;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stdio transport in-process, on a real server over a real repository folder: replies come back
 * over the pipe, and a repeated validate or plan call is answered on the reader thread from the
 * result cache with exactly the bytes the tool gave the first time.
 */
class StdioTransportTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path repo;

  final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
  final AtomicInteger fromCache = new AtomicInteger();
  PipedOutputStream stdin;
  Thread reader;
  BlueprintServer server;
  StdioTransport transport;

  /** Collects whole lines written to stdout. */
  final OutputStream stdout =
      new OutputStream() {
        final ByteArrayOutputStream line = new ByteArrayOutputStream();

        @Override
        public void write(int b) {
          if (b == '\n') {
            replies.add(line.toString(StandardCharsets.UTF_8));
            line.reset();
          } else {
            line.write(b);
          }
        }
      };

  @BeforeEach
  void start() throws Exception {
    TestRepository.copyInto(repo);
    server = new BlueprintServer(repo);
    PipedInputStream in = new PipedInputStream(1 << 20);
    stdin = new PipedOutputStream(in);
    transport =
        new StdioTransport(
            McpJsonDefaults.getMapper(),
            in,
            stdout,
            new JsonRpcCheck(McpJsonDefaults.getMapper(), 1 << 20),
            5_000,
            (tool, args) -> {
              var found = server.cachedAnswer(tool, args);
              found.ifPresent(r -> fromCache.incrementAndGet());
              return found;
            });
    server.start(transport);
    reader = new Thread(transport::serveUntilEndOfInput, "test-stdin");
    reader.start();
    send(
        "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
            + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
    assertThat(reply(0).path("result").path("serverInfo").path("name").asText())
        .isEqualTo("blueprint");
  }

  void initialized() throws IOException {
    send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
  }

  @Test
  void noNotificationButLogMessagesReachesAClientBeforeItIsInitialized() throws Exception {
    // Notifications are written by the calling thread, so what block() let through is already out.
    transport.notifyClients("notifications/resources/list_changed", null).block();
    transport.notifyClients("notifications/message", java.util.Map.of("level", "info")).block();
    java.util.List<String> before = new java.util.ArrayList<>();
    replies.drainTo(before);
    assertThat(before).hasSize(1).allMatch(l -> l.contains("\"notifications/message\""));

    initialized();
    // The reader marks the session initialized as it reads the notification; wait for it.
    java.util.List<String> after = new java.util.ArrayList<>();
    for (int i = 0; i < 100 && after.isEmpty(); i++) {
      transport.notifyClients("notifications/resources/list_changed", null).block();
      replies.drainTo(after);
      Thread.sleep(20);
    }
    assertThat(after)
        .isNotEmpty()
        .allMatch(l -> l.contains("notifications/resources/list_changed"));
  }

  @AfterEach
  void stop() throws Exception {
    stdin.close();
    reader.join(10_000);
    assertThat(reader.isAlive()).as("the reader ends at the end of input").isFalse();
  }

  void send(String line) throws IOException {
    stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    stdin.flush();
  }

  String rawReply(int id) throws InterruptedException {
    while (true) {
      String line = replies.poll(30, TimeUnit.SECONDS);
      assertThat(line).as("reply %d", id).isNotNull();
      if (line.contains("\"id\":" + id + ",")) {
        return line;
      }
    }
  }

  JsonNode reply(int id) throws Exception {
    return JSON.readTree(rawReply(id));
  }

  String call(int id, String tool, String arguments) throws Exception {
    send(
        "{\"jsonrpc\":\"2.0\",\"id\":"
            + id
            + ",\"method\":\"tools/call\",\"params\":{\"name\":\""
            + tool
            + "\",\"arguments\":"
            + arguments
            + "}}");
    return rawReply(id);
  }

  @Test
  void aRepeatedCallIsAnsweredFromTheCacheWithTheSameBytes() throws Exception {
    initialized();
    String path = "{\"path\":\"" + TestRepository.EXAMPLE + "\"}";
    String first = call(1, "validate", path);
    assertThat(fromCache).hasValue(0);
    String second = call(2, "validate", path);
    assertThat(fromCache).hasValue(1);
    assertThat(second).isEqualTo(first.replace("\"id\":1,", "\"id\":2,"));
    // Written again from the bytes kept for that result.
    assertThat(call(5, "validate", path)).isEqualTo(first.replace("\"id\":1,", "\"id\":5,"));

    String plan = call(3, "plan", path);
    assertThat(call(4, "plan", path)).isEqualTo(plan.replace("\"id\":3,", "\"id\":4,"));
    assertThat(fromCache).hasValue(3);
  }

  @Test
  void anEditedFileIsValidatedAgainAndPingStillWorks() throws Exception {
    initialized();
    Path file = repo.resolve("mine.bp.md");
    Files.writeString(file, TestRepository.read(repo, TestRepository.EXAMPLE));
    String path = "{\"path\":\"mine.bp.md\"}";
    JsonNode valid = JSON.readTree(call(1, "validate", path));
    assertThat(valid.at("/result/isError").asBoolean()).isFalse();
    Files.writeString(file, TestRepository.read(repo, TestRepository.CYCLE));
    JsonNode edited = JSON.readTree(call(2, "validate", path));
    assertThat(edited.at("/result/isError").asBoolean()).isTrue();
    assertThat(edited.at("/result/structuredContent/diagnostics").toString()).contains("E_CYCLE");
    assertThat(fromCache).hasValue(0);

    send("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}");
    assertThat(reply(3).path("result").isObject()).isTrue();
  }

  @Test
  void callsTheCacheDoesNotAnswerGoToTheSession() throws Exception {
    initialized();
    // Malformed arguments: the session's -32602, even after the same blueprint was cached.
    call(1, "validate", "{\"text\":\"# t\"}");
    JsonNode both = JSON.readTree(call(2, "validate", "{\"text\":\"# t\",\"path\":\"x.md\"}"));
    assertThat(both.at("/error/code").asInt()).isEqualTo(-32602);
    // A progress token asks for the session's handling too.
    send(
        "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"validate\","
            + "\"arguments\":{\"text\":\"# t\"},\"_meta\":{\"progressToken\":\"p\"}}}");
    assertThat(reply(3).at("/result/isError").asBoolean()).isTrue();
    assertThat(fromCache).hasValue(0);
  }
}
