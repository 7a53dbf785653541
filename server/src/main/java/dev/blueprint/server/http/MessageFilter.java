package dev.blueprint.server.http;

import dev.blueprint.server.mcp.JsonRpcCheck;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Makes the HTTP transports answer like the stdio one: a posted body that is too large, not JSON or
 * not JSON-RPC gets a JSON-RPC error (HTTP 413 or 400) before the SDK sees it, and the SDK's own
 * error bodies (which serialize a Java exception, stack and all) are rewritten into JSON-RPC
 * errors.
 */
final class MessageFilter implements Filter {
  private final JsonRpcCheck check;

  MessageFilter(JsonRpcCheck check) {
    this.check = check;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    ServletRequest passed = request;
    if ("POST".equals(request.getMethod())) {
      byte[] body = readBounded(request.getInputStream(), check.maxBytes());
      JsonRpcCheck.Verdict verdict = body == null ? check.tooLarge() : check.check(body);
      if (verdict instanceof JsonRpcCheck.Reject reject) {
        int status = body == null ? HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE : 400;
        write(response, status, reject.reply());
        return;
      }
      passed = new CachedBodyRequest(request, body);
    }
    ErrorRewritingResponse wrapped = new ErrorRewritingResponse(response);
    chain.doFilter(passed, wrapped);
    wrapped.finish();
  }

  /** The whole body, or null when it is longer than {@code max}. */
  private static byte[] readBounded(InputStream in, int max) throws IOException {
    byte[] body = in.readNBytes(max + 1);
    if (body.length > max) {
      in.skip(Long.MAX_VALUE);
      return null;
    }
    return body;
  }

  static void write(HttpServletResponse response, int status, String json) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
