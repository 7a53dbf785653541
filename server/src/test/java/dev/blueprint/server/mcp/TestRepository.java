package dev.blueprint.server.mcp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A repository folder for a test: a copy of {@code src/test/resources/mcp-repo}. */
final class TestRepository {
  static final String EXAMPLE = "blueprints/example_blueprint.md";
  static final String CYCLE = "blueprints/cycle.bp.md";
  static final String JOURNAL = "2026-01-02-outpost-mvp.md";

  private TestRepository() {}

  static Path copyInto(Path dir) {
    try {
      Path source = Path.of(TestRepository.class.getResource("/mcp-repo").toURI());
      try (Stream<Path> files = Files.walk(source)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          Path target = dir.resolve(source.relativize(f).toString());
          if (Files.isDirectory(f)) {
            Files.createDirectories(target);
          } else {
            Files.copy(f, target);
          }
        }
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static String read(Path repo, String relative) {
    try {
      return Files.readString(repo.resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
