package dev.blueprint.server.http;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Where the HTTP server listens, from {@code [HOST:]PORT}; the host defaults to 127.0.0.1 so
 * nothing is reachable from other machines unless asked for.
 */
public record HttpAddress(String host, int port) {
  public static final String DEFAULT_HOST = "127.0.0.1";

  /**
   * Parses {@code 7345}, {@code 0.0.0.0:7345}, {@code localhost:7345} or {@code [::1]:7345}.
   *
   * @throws IllegalArgumentException with a one-line message when it is not one of those
   */
  public static HttpAddress parse(String spec) {
    String s = spec.trim();
    String host = DEFAULT_HOST;
    String port = s;
    int colon = s.lastIndexOf(':');
    if (colon >= 0) {
      host = s.substring(0, colon);
      port = s.substring(colon + 1);
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      }
      if (host.isEmpty()) {
        throw new IllegalArgumentException("no host before ':' in '" + spec + "'");
      }
    }
    int p;
    try {
      p = Integer.parseInt(port);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + spec + "' is not [HOST:]PORT");
    }
    if (p < 0 || p > 65535) {
      throw new IllegalArgumentException("port out of range in '" + spec + "'");
    }
    return new HttpAddress(host, p);
  }

  /** True when the host is a loopback address (only this machine can connect). */
  public boolean isLoopback() {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** The host as it appears in a URL (IPv6 in brackets). */
  public String urlHost() {
    return host.contains(":") ? "[" + host + "]" : host;
  }
}
