package dev.blueprint.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bp serve --http} started with its defaults (generated token, default host) as a real
 * process, probed with java.net.http.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpSecurityIT {
  static final String INITIALIZE =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
          + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}";

  @TempDir static Path work;
  Path repo;
  ServerProcess server;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void start() throws Exception {
    repo = TestRepository.copyInto(work.resolve("repo"));
    // Port 0 without a host: the default host applies.
    server = ServerProcess.startHttp(repo, Map.of(), "--http", "0");
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
  }

  HttpResponse<String> post(Map<String, String> headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/mcp"))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE));
    headers.forEach(b::header);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void generatesATokenStoredOwnerReadableOnlyAndPrintsItOnceOnStderr() throws Exception {
    Path file = repo.resolve(".blueprint/token");
    String token = ServerProcess.token(repo);
    assertThat(token).hasSizeGreaterThanOrEqualTo(40);
    assertThat(Files.getPosixFilePermissions(file))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    assertThat(server.stderr().split(token, -1)).hasSize(2);
  }

  @Test
  void requestWithoutTokenIs401() throws Exception {
    HttpResponse<String> r = post(Map.of());
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> v.startsWith("Bearer"));
  }

  @Test
  void requestWithWrongTokenIs401() throws Exception {
    assertThat(post(Map.of("Authorization", "Bearer wrong")).statusCode()).isEqualTo(401);
    assertThat(post(Map.of("Authorization", "Basic dXNlcjpwYXNz")).statusCode()).isEqualTo(401);
  }

  @Test
  void foreignOriginIs403EvenWithTheRightToken() throws Exception {
    String token = ServerProcess.token(repo);
    HttpResponse<String> r =
        post(Map.of("Authorization", "Bearer " + token, "Origin", "http://evil.example"));
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body()).doesNotContain(token);
  }

  @Test
  void rightTokenAndLocalOriginInitialize() throws Exception {
    String token = ServerProcess.token(repo);
    HttpResponse<String> r =
        post(Map.of("Authorization", "Bearer " + token, "Origin", "http://localhost:3000"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"serverInfo\"", "blueprint");
    assertThat(r.headers().firstValue("Mcp-Session-Id")).isPresent();
  }

  @Test
  void defaultBindIsLoopbackOnly() throws Exception {
    assertThat(server.baseUrl()).startsWith("http://127.0.0.1:");
    Optional<InetAddress> other = nonLoopbackAddress();
    // Machines without a non-loopback IPv4 address cannot show the negative; say so.
    assumeThat(other).as("a non-loopback IPv4 address on this machine").isPresent();
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(other.get(), server.port()), 2000);
      throw new AssertionError("reachable on " + other.get().getHostAddress());
    } catch (IOException expected) {
      assertThat(expected)
          .isInstanceOfAny(java.net.ConnectException.class, java.net.SocketTimeoutException.class);
    }
  }

  static Optional<InetAddress> nonLoopbackAddress() throws IOException {
    for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!nif.isUp() || nif.isLoopback()) {
        continue;
      }
      for (InetAddress a : Collections.list(nif.getInetAddresses())) {
        if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
          return Optional.of(a);
        }
      }
    }
    return Optional.empty();
  }

  @Test
  void noAuthIsRefusedOffLoopback() throws Exception {
    var cli = dev.blueprint.server.cli.Main.commandLine();
    var err = new java.io.StringWriter();
    cli.setErr(new java.io.PrintWriter(err));
    int code = cli.execute("serve", "--repo", repo.toString(), "--http", "0.0.0.0:0", "--no-auth");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--no-auth is allowed only on a loopback host");
  }
}
