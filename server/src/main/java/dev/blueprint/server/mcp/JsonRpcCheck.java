package dev.blueprint.server.mcp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Decides whether an incoming message may reach the SDK, before it does: the SDK's stdio transport
 * ends the session on a line it cannot read, and its HTTP transports answer such a body with a
 * serialized Java exception. What this refuses gets a proper JSON-RPC error instead: -32700 for
 * text that is not JSON, -32600 for JSON that is not a JSON-RPC 2.0 message (or is too large).
 */
public final class JsonRpcCheck {
  private final ObjectMapper json = new ObjectMapper();
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
    Fields fields;
    try {
      fields = Fields.read(json.getFactory(), bytes);
    } catch (IOException e) {
      return reject(null, McpSchema.ErrorCodes.PARSE_ERROR, "Parse error: not valid JSON");
    }
    if (fields == null) {
      return reject(
          null, McpSchema.ErrorCodes.INVALID_REQUEST, "Invalid request: batches are not supported");
    }
    if (fields == Fields.NOT_AN_OBJECT) {
      return reject(
          null,
          McpSchema.ErrorCodes.INVALID_REQUEST,
          "Invalid request: a message must be a JSON object");
    }
    JsonNode id = fields.id;
    JsonNode echoId = id != null && (id.isTextual() || id.isIntegralNumber()) ? id : null;
    String problem = shapeProblem(fields);
    if (problem == null && fields.method == null) {
      // A response: its error object has a shape of its own, which the SDK checks as it reads.
      // Requests and notifications cannot fail there once their shape is right (the SDK reads
      // them ignoring unknown fields, with id and params as plain values), so they skip it.
      try {
        McpSchema.deserializeJsonRpcMessage(mcpJson, new String(bytes, StandardCharsets.UTF_8));
      } catch (Exception e) {
        problem = "not a JSON-RPC 2.0 message";
      }
    }
    if (problem != null) {
      return reject(echoId, McpSchema.ErrorCodes.INVALID_REQUEST, "Invalid request: " + problem);
    }
    boolean request = fields.method != null && id != null;
    return new Pass(request ? id.asText() : null);
  }

  private static String shapeProblem(Fields m) {
    if (!"2.0".equals(m.jsonrpc)) {
      return "\"jsonrpc\" must be \"2.0\"";
    }
    if (m.id != null && !(m.id.isTextual() || m.id.isIntegralNumber())) {
      return "\"id\" must be a string or an integer";
    }
    if (m.method != null) {
      if (m.method != JsonToken.VALUE_STRING) {
        return "\"method\" must be a string";
      }
      if (m.params != null
          && m.params != JsonToken.START_OBJECT
          && m.params != JsonToken.VALUE_NULL) {
        return "\"params\" must be an object";
      }
      return null;
    }
    if (m.id != null && m.resultOrError) {
      return null;
    }
    return "neither a request, a notification nor a response";
  }

  /**
   * The top-level members of a message, read with a streaming parser: every value is checked to be
   * well-formed JSON but only the few the check needs are kept (a validate call carries the whole
   * blueprint in its params, which would otherwise be built into a tree to be thrown away). A
   * repeated member counts by its last value, as a tree would hold it.
   */
  private static final class Fields {
    static final Fields NOT_AN_OBJECT = new Fields();

    String jsonrpc;
    JsonNode id;
    JsonToken method;
    JsonToken params;
    boolean resultOrError;

    /** The members, {@link #NOT_AN_OBJECT} for other JSON, or null for a batch (an array). */
    static Fields read(JsonFactory factory, byte[] bytes) throws IOException {
      try (JsonParser p = factory.createParser(bytes)) {
        JsonToken first = p.nextToken();
        Fields fields = first == JsonToken.START_OBJECT ? new Fields() : null;
        if (fields == null) {
          p.skipChildren();
        } else {
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            fields.member(p.currentName(), p.nextToken(), p);
            p.skipChildren();
          }
        }
        if (p.nextToken() != null) {
          throw new JsonParseException(p, "trailing content after the message");
        }
        if (fields != null) {
          return fields;
        }
        return first == JsonToken.START_ARRAY ? null : NOT_AN_OBJECT;
      }
    }

    private void member(String name, JsonToken value, JsonParser p) throws IOException {
      switch (name) {
        case "jsonrpc" -> jsonrpc = value == JsonToken.VALUE_STRING ? p.getText() : null;
        case "id" -> id = idNode(value, p);
        case "method" -> method = value;
        case "params" -> params = value;
        case "result", "error" -> resultOrError = true;
        default -> {}
      }
    }

    /** The id as a node (what an error reply echoes); an object or array becomes a marker. */
    private static JsonNode idNode(JsonToken value, JsonParser p) throws IOException {
      return switch (value) {
        case VALUE_STRING -> JsonNodeFactory.instance.textNode(p.getText());
        case VALUE_NUMBER_INT -> JsonNodeFactory.instance.numberNode(p.getBigIntegerValue());
        case VALUE_NULL -> JsonNodeFactory.instance.nullNode();
        default -> JsonNodeFactory.instance.missingNode();
      };
    }
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
