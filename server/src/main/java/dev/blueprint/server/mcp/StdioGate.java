package dev.blueprint.server.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands between stdin and the SDK's stdio transport, which ends the session on the first line it
 * cannot read. Lines that are not JSON get a -32700 parse error, lines over the size limit or not
 * shaped as JSON-RPC get a -32600 invalid request, written straight to stdout; only well-formed
 * messages reach the SDK, so the session keeps serving.
 */
public final class StdioGate implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(StdioGate.class);

  private final InputStream in;
  private final OutputStream out;
  private final int maxLineBytes;
  private final McpJsonMapper mcpJson;
  private final ObjectMapper json =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private final LineQueue passed = new LineQueue();

  /**
   * @param out the protocol stream the SDK writes to as well; writes synchronize on it, as the
   *     SDK's do, so replies never interleave
   */
  public StdioGate(InputStream in, OutputStream out, int maxLineBytes, McpJsonMapper mcpJson) {
    this.in = new BufferedInputStream(in, 64 * 1024);
    this.out = out;
    this.maxLineBytes = maxLineBytes;
    this.mcpJson = mcpJson;
  }

  /** What the SDK transport reads: the well-formed messages only. */
  public InputStream passed() {
    return passed;
  }

  /** Reads stdin to its end; run it on its own thread. */
  @Override
  public void run() {
    try {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      boolean oversized = false;
      int b;
      while ((b = in.read()) != -1) {
        if (b == '\n') {
          if (oversized) {
            reject(null, McpSchema.ErrorCodes.INVALID_REQUEST, tooLarge());
          } else {
            check(line.toByteArray());
          }
          line.reset();
          oversized = false;
        } else if (!oversized) {
          if (line.size() >= maxLineBytes) {
            oversized = true;
            line.reset();
          } else {
            line.write(b);
          }
        }
      }
      if (oversized) {
        reject(null, McpSchema.ErrorCodes.INVALID_REQUEST, tooLarge());
      } else if (line.size() > 0) {
        check(line.toByteArray());
      }
    } catch (IOException e) {
      LOG.debug("stdin closed: {}", e.getMessage());
    } finally {
      passed.end();
    }
  }

  private String tooLarge() {
    return "Invalid request: message larger than " + maxLineBytes + " bytes";
  }

  private void check(byte[] bytes) throws IOException {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.isBlank()) {
      return;
    }
    JsonNode node;
    try {
      node = json.readTree(text);
    } catch (JsonProcessingException e) {
      reject(null, McpSchema.ErrorCodes.PARSE_ERROR, "Parse error: not valid JSON");
      return;
    }
    if (node == null || !node.isObject()) {
      String what =
          node != null && node.isArray()
              ? "batches are not supported"
              : "a message must be a JSON object";
      reject(null, McpSchema.ErrorCodes.INVALID_REQUEST, "Invalid request: " + what);
      return;
    }
    JsonNode id = node.get("id");
    JsonNode echoId = id != null && (id.isTextual() || id.isIntegralNumber()) ? id : null;
    String problem = shapeProblem(node, id);
    if (problem == null) {
      try {
        McpSchema.deserializeJsonRpcMessage(mcpJson, text);
      } catch (Exception e) {
        problem = "not a JSON-RPC 2.0 message";
      }
    }
    if (problem != null) {
      reject(echoId, McpSchema.ErrorCodes.INVALID_REQUEST, "Invalid request: " + problem);
      return;
    }
    byte[] withNewline = new byte[bytes.length + 1];
    System.arraycopy(bytes, 0, withNewline, 0, bytes.length);
    withNewline[bytes.length] = '\n';
    passed.offer(withNewline);
  }

  private static String shapeProblem(JsonNode node, JsonNode id) {
    if (!"2.0".equals(node.path("jsonrpc").asText(null))) {
      return "\"jsonrpc\" must be \"2.0\"";
    }
    if (id != null && !(id.isTextual() || id.isIntegralNumber())) {
      return "\"id\" must be a string or an integer";
    }
    if (node.has("method")) {
      if (!node.get("method").isTextual()) {
        return "\"method\" must be a string";
      }
      JsonNode params = node.get("params");
      if (params != null && !params.isObject() && !params.isNull()) {
        return "\"params\" must be an object";
      }
      return null;
    }
    if (id != null && (node.has("result") || node.has("error"))) {
      return null;
    }
    return "neither a request, a notification nor a response";
  }

  private void reject(JsonNode id, int code, String message) throws IOException {
    ObjectNode reply = JsonNodeFactory.instance.objectNode();
    reply.put("jsonrpc", "2.0");
    reply.set("id", id == null ? JsonNodeFactory.instance.nullNode() : id);
    ObjectNode error = reply.putObject("error");
    error.put("code", code);
    error.put("message", message);
    byte[] bytes = json.writeValueAsBytes(reply);
    synchronized (out) {
      out.write(bytes);
      out.write('\n');
      out.flush();
    }
  }
}
