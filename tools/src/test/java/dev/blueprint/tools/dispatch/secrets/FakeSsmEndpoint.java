package dev.blueprint.tools.dispatch.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fake AWS SSM endpoint on 127.0.0.1 (AWS cannot be reached from tests), speaking the real AWS
 * JSON 1.1 wire format of {@code GetParameter}: {@code POST /} with {@code X-Amz-Target:
 * AmazonSSM.GetParameter}, answered with {@code {"Parameter": {...}}} or a 400 carrying {@code
 * __type} and {@code message}. Every request is kept for the test to inspect.
 */
final class FakeSsmEndpoint implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String JSON_11 = "application/x-amz-json-1.1";

  /** One request as received. */
  record Request(String method, String path, Map<String, List<String>> headers, String body) {
    String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
          return e.getValue().get(0);
        }
      }
      return null;
    }

    JsonNode json() throws IOException {
      return JSON.readTree(body);
    }
  }

  private final HttpServer server;
  private final Map<String, String> parameters = new ConcurrentHashMap<>();
  private final Map<String, String> errors = new ConcurrentHashMap<>();
  final List<Request> requests = new CopyOnWriteArrayList<>();

  FakeSsmEndpoint() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** A SecureString parameter the fake holds. */
  FakeSsmEndpoint parameter(String name, String value) {
    parameters.put(name, value);
    return this;
  }

  /** Answers requests for {@code name} with a 400 of this error type (e.g. AccessDenied). */
  FakeSsmEndpoint failing(String name, String errorType) {
    errors.put(name, errorType);
    return this;
  }

  private void handle(HttpExchange ex) throws IOException {
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    requests.add(
        new Request(
            ex.getRequestMethod(),
            ex.getRequestURI().getPath(),
            Map.copyOf(ex.getRequestHeaders()),
            body));
    String target = ex.getRequestHeaders().getFirst("X-Amz-Target");
    if (!"POST".equals(ex.getRequestMethod()) || !"AmazonSSM.GetParameter".equals(target)) {
      reply(ex, 400, error("UnknownOperationException", "unexpected " + target));
      return;
    }
    String name = JSON.readTree(body).path("Name").asText();
    if (errors.containsKey(name)) {
      reply(
          ex,
          400,
          error(errors.get(name), "The security token included in the request is invalid."));
      return;
    }
    String value = parameters.get(name);
    if (value == null) {
      reply(ex, 400, error("ParameterNotFound", "Parameter " + name + " not found."));
      return;
    }
    ObjectNode p = JSON.createObjectNode();
    p.put("Name", name);
    p.put("Type", "SecureString");
    p.put("Value", value);
    p.put("Version", 1);
    p.put("ARN", "arn:aws:ssm:eu-west-1:123456789012:parameter" + name);
    p.put("DataType", "text");
    ObjectNode out = JSON.createObjectNode();
    out.set("Parameter", p);
    reply(ex, 200, JSON.writeValueAsString(out));
  }

  private static String error(String type, String message) throws IOException {
    ObjectNode e = JSON.createObjectNode();
    e.put("__type", type);
    e.put("message", message);
    return JSON.writeValueAsString(e);
  }

  private static void reply(HttpExchange ex, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", JSON_11);
    ex.getResponseHeaders().set("x-amzn-RequestId", "00000000-0000-0000-0000-000000000000");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream o = ex.getResponseBody()) {
      o.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
