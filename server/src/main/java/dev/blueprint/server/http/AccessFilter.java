package dev.blueprint.server.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Guards every HTTP request before the MCP transports see it: a browser page from a foreign origin
 * gets 403 (DNS-rebinding protection), a request without the right bearer token gets 401. Origin is
 * checked first, so a foreign page learns nothing about the token.
 */
final class AccessFilter implements Filter {
  private final AllowedOrigins origins;
  private final AccessToken token;

  /**
   * @param token null when authentication is off (loopback only, for the conformance suite)
   */
  AccessFilter(AllowedOrigins origins, AccessToken token) {
    this.origins = origins;
    this.token = token;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    String origin = request.getHeader("Origin");
    if (origin != null && !origins.allows(origin)) {
      deny(response, 403, "Forbidden: origin " + origin + " is not allowed");
      return;
    }
    if (token != null && !token.matches(bearer(request.getHeader("Authorization")))) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"blueprint\"");
      deny(response, 401, "Unauthorized: send Authorization: Bearer <token>");
      return;
    }
    chain.doFilter(req, res);
  }

  private static String bearer(String header) {
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    return header.substring(7).trim();
  }

  private static void deny(HttpServletResponse response, int status, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    String body =
        "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32001,\"message\":\""
            + message.replace("\\", "\\\\").replace("\"", "\\\"")
            + "\"}}";
    response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
  }
}
