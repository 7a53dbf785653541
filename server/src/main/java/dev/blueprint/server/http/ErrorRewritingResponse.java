package dev.blueprint.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Holds back the body of an error response (status 400 and up) written through {@link
 * #getWriter()}, and on {@link #finish()} replaces an SDK exception dump with the JSON-RPC error it
 * carries. Other responses, streams included, pass straight through.
 */
final class ErrorRewritingResponse extends HttpServletResponseWrapper {
  private static final ObjectMapper JSON = new ObjectMapper();

  private int status = SC_OK;
  private StringWriter held;
  private PrintWriter heldWriter;

  ErrorRewritingResponse(HttpServletResponse response) {
    super(response);
  }

  @Override
  public void setStatus(int sc) {
    status = sc;
    super.setStatus(sc);
  }

  @Override
  public PrintWriter getWriter() throws IOException {
    if (status < 400) {
      return super.getWriter();
    }
    if (heldWriter == null) {
      held = new StringWriter();
      heldWriter = new PrintWriter(held);
    }
    return heldWriter;
  }

  /** Writes the held error body, rewritten, to the real response. */
  void finish() throws IOException {
    if (held == null) {
      return;
    }
    heldWriter.flush();
    String body = rewrite(held.toString());
    HttpServletResponse real = (HttpServletResponse) getResponse();
    real.setContentType("application/json");
    real.setCharacterEncoding("UTF-8");
    PrintWriter out = real.getWriter();
    out.write(body);
    out.flush();
  }

  static String rewrite(String body) {
    try {
      JsonNode node = JSON.readTree(body);
      if (node != null && node.has("jsonRpcError")) {
        JsonNode error = node.get("jsonRpcError");
        ObjectNode reply = JSON.createObjectNode();
        reply.put("jsonrpc", "2.0");
        reply.putNull("id");
        ObjectNode e = reply.putObject("error");
        e.put("code", error.path("code").asInt(-32600));
        e.put("message", error.path("message").asText("Invalid request"));
        return JSON.writeValueAsString(reply);
      }
      return body;
    } catch (IOException e) {
      return body;
    }
  }
}
