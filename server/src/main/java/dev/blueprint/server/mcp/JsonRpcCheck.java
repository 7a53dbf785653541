package dev.blueprint.server.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.charset.StandardCharsets;

/**
 * Decides whether an incoming message may reach the SDK, before it does: the SDK's stdio transport
 * ends the session on a line it cannot read, and its HTTP transports answer such a body with a
 * serialized Java exception. What this refuses gets a proper JSON-RPC error instead: -32700 for
 * text that is not JSON, -32600 for JSON that is not a JSON-RPC 2.0 message (or is too large).
 */
public final class JsonRpcCheck {
  private final ObjectMapper json =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private final McpJsonMapper mcpJson;
  private final int maxBytes;

  public JsonRpcCheck(McpJsonMapper mcpJson, int maxBytes) {
    this.mcpJson = mcpJson;
    this.maxBytes = maxBytes;
  }

  /** The outcome: pass the message on, or answer with this error. */
  public sealed interface Verdict permits Pass, Reject {}

  /**
   * A well-formed message.
   *
   * @param requestId the id of a request (as text), or null for notifications and replies
   */
  public record Pass(String requestId) implements Verdict {}

  /**
   * A message refused, with the JSON-RPC error reply to send.
   *
   * @param reply the whole error message, one line of JSON
   */
  public record Reject(int code, String reply) implements Verdict {}

  public int maxBytes() {
    return maxBytes;
  }

  public Reject tooLarge() {
    return reject(
        null,
        McpSchema.ErrorCodes.INVALID_REQUEST,
        "Invalid request: message larger than " + maxBytes + " bytes");
  }

  public Verdict check(byte[] bytes) {
    if (bytes.length > maxBytes) {
      return tooLarge();
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    JsonNode node;
    try {
      node = json.readTree(text);
    } catch (JsonProcessingException e) {
      return reject(null, McpSchema.ErrorCodes.PARSE_ERROR, "Parse error: not valid JSON");
    }
    if (node == null || !node.isObject()) {
      String what =
          node != null && node.isArray()
              ? "batches are not supported"
              : "a message must be a JSON object";
      return reject(null, McpSchema.ErrorCodes.INVALID_REQUEST, "Invalid request: " + what);
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
      return reject(echoId, McpSchema.ErrorCodes.INVALID_REQUEST, "Invalid request: " + problem);
    }
    boolean request = node.has("method") && id != null;
    return new Pass(request ? id.asText() : null);
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

  /** A JSON-RPC error reply; {@code id} null when the message's id could not be read. */
  public Reject reject(JsonNode id, int code, String message) {
    ObjectNode reply = JsonNodeFactory.instance.objectNode();
    reply.put("jsonrpc", "2.0");
    reply.set("id", id == null ? JsonNodeFactory.instance.nullNode() : id);
    ObjectNode error = reply.putObject("error");
    error.put("code", code);
    error.put("message", message);
    try {
      return new Reject(code, json.writeValueAsString(reply));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
