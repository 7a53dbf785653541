package dev.blueprint.server.http;

import java.util.ArrayList;
import java.util.List;

/**
 * The browser origins and Host headers the server accepts: this machine's loopback names on any
 * port, the address it was bound to, and any origin the user added. Everything else is a possible
 * DNS-rebinding attack.
 */
record AllowedOrigins(List<String> origins, List<String> hosts) {

  AllowedOrigins {
    origins = List.copyOf(origins);
    hosts = List.copyOf(hosts);
  }

  static AllowedOrigins forAddress(HttpAddress address, List<String> extraOrigins) {
    List<String> names = new ArrayList<>(List.of("127.0.0.1", "localhost", "[::1]"));
    if (!names.contains(address.urlHost())
        && !address.host().equals("0.0.0.0")
        && !address.host().equals("::")) {
      names.add(address.urlHost());
    }
    List<String> origins = new ArrayList<>();
    List<String> hosts = new ArrayList<>();
    for (String n : names) {
      origins.add("http://" + n + ":*");
      origins.add("https://" + n + ":*");
      hosts.add(n + ":*");
    }
    origins.addAll(extraOrigins);
    if (address.host().equals("0.0.0.0") || address.host().equals("::")) {
      // Bound to every interface: clients use names we cannot know, so Host is not checked
      // (the bearer token still is).
      hosts.clear();
    }
    return new AllowedOrigins(origins, hosts);
  }

  /** Exact match, or a {@code scheme://host:*} pattern matching any port (or none). */
  boolean allows(String origin) {
    for (String allowed : origins) {
      if (allowed.equals(origin)) {
        return true;
      }
      if (allowed.endsWith(":*")) {
        String base = allowed.substring(0, allowed.length() - 2);
        if (origin.equals(base) || origin.startsWith(base + ":")) {
          return true;
        }
      }
    }
    return false;
  }
}
