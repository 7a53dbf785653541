package dev.blueprint.server.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.ResourceTemplate;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The repository's files as MCP resources: blueprints ({@code bp://blueprints/{path}}) and session
 * journals ({@code bp://sessions/{file}}), listed as they are now ({@link ResourceCatalog} keeps
 * the list current); the templates let a client read a file by name before the list shows it.
 */
final class RepositoryResources {
  static final String BLUEPRINTS = "bp://blueprints/";
  static final String SESSIONS = "bp://sessions/";
  private static final long MAX_BYTES = 4L * 1024 * 1024;

  private final RepositoryRoot root;
  private final RepositoryScan scan;

  RepositoryResources(RepositoryRoot root) {
    this.root = root;
    this.scan = new RepositoryScan(root);
  }

  /** Every blueprint and journal now in the repository (walks the repository: not cheap). */
  List<SyncResourceSpecification> listed() {
    List<SyncResourceSpecification> specs = new ArrayList<>(blueprints());
    specs.addAll(sessions());
    return specs;
  }

  /** The blueprints now in the repository (a bounded walk). */
  List<SyncResourceSpecification> blueprints() {
    List<SyncResourceSpecification> specs = new ArrayList<>();
    for (String path : scan.blueprints()) {
      Resource r =
          Resource.builder()
              .uri(BLUEPRINTS + path)
              .name(path)
              .description("blueprint")
              .mimeType(RepositoryScan.mimeType(path))
              .build();
      specs.add(new SyncResourceSpecification(r, this::readBlueprint));
    }
    return specs;
  }

  /** The journals now in {@code sessions/} (one directory listing). */
  List<SyncResourceSpecification> sessions() {
    List<SyncResourceSpecification> specs = new ArrayList<>();
    for (String file : scan.sessions()) {
      Resource r =
          Resource.builder()
              .uri(SESSIONS + file)
              .name("sessions/" + file)
              .description("session journal")
              .mimeType("text/markdown")
              .build();
      specs.add(new SyncResourceSpecification(r, this::readSession));
    }
    return specs;
  }

  List<SyncResourceTemplateSpecification> templates() {
    return List.of(
        new SyncResourceTemplateSpecification(
            ResourceTemplate.builder()
                .uriTemplate(BLUEPRINTS + "{+path}")
                .name("blueprint")
                .description("a blueprint file, by path in the repository")
                .build(),
            this::readBlueprint),
        new SyncResourceTemplateSpecification(
            ResourceTemplate.builder()
                .uriTemplate(SESSIONS + "{file}")
                .name("session journal")
                .description("a journal in sessions/")
                .mimeType("text/markdown")
                .build(),
            this::readSession));
  }

  /** The file behind a blueprint or journal URI, if it is one. */
  Optional<Path> fileOf(String uri) {
    if (uri.startsWith(BLUEPRINTS)) {
      return root.resolve(decode(uri.substring(BLUEPRINTS.length())));
    }
    if (uri.startsWith(SESSIONS)) {
      String name = decode(uri.substring(SESSIONS.length()));
      return RepositoryScan.isJournalName(name)
          ? root.resolve("sessions/" + name)
          : Optional.empty();
    }
    return Optional.empty();
  }

  private ReadResourceResult readBlueprint(
      McpSyncServerExchange exchange, ReadResourceRequest req) {
    String uri = req.uri();
    Optional<Path> file = root.resolve(decode(uri.substring(BLUEPRINTS.length())));
    if (file.isEmpty()
        || !Files.isRegularFile(file.get())
        || !RepositoryScan.isBlueprint(file.get())) {
      throw McpError.RESOURCE_NOT_FOUND.apply(uri);
    }
    return read(uri, file.get());
  }

  private ReadResourceResult readSession(McpSyncServerExchange exchange, ReadResourceRequest req) {
    String uri = req.uri();
    String name = decode(uri.substring(SESSIONS.length()));
    Optional<Path> file =
        RepositoryScan.isJournalName(name) ? root.resolve("sessions/" + name) : Optional.empty();
    if (file.isEmpty() || !Files.isRegularFile(file.get())) {
      throw McpError.RESOURCE_NOT_FOUND.apply(uri);
    }
    return read(uri, file.get());
  }

  private static ReadResourceResult read(String uri, Path file) {
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw McpError.RESOURCE_NOT_FOUND.apply(uri + " (over " + MAX_BYTES + " bytes)");
      }
      String text = Files.readString(file, StandardCharsets.UTF_8);
      return new ReadResourceResult(
          List.of(
              new TextResourceContents(
                  uri, RepositoryScan.mimeType(file.getFileName().toString()), text)));
    } catch (IOException e) {
      throw McpError.RESOURCE_NOT_FOUND.apply(uri);
    }
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
