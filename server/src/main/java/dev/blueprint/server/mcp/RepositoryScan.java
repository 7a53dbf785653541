package dev.blueprint.server.mcp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the blueprints and session journals in a repository, cheaply: a bounded walk that skips
 * build and dependency folders, names decide for {@code *.bp.*} files, and other markdown files are
 * sniffed for a {@code task_id} key in their first {@value #SNIFF_BYTES} bytes.
 */
final class RepositoryScan {
  static final int SNIFF_BYTES = 64 * 1024;
  private static final int MAX_DEPTH = 8;
  private static final int MAX_FILES = 20_000;
  private static final Set<String> SKIPPED =
      Set.of("node_modules", "target", "build", "dist", "out", "vendor", "__pycache__");
  private static final Pattern TASK_KEY = Pattern.compile("(?m)^\\s*-?\\s*\"?task_id\"?\\s*:");

  private final RepositoryRoot root;

  RepositoryScan(RepositoryRoot root) {
    this.root = root;
  }

  /** Blueprint files, relative to the repository, sorted. */
  List<String> blueprints() {
    List<String> found = new ArrayList<>();
    try {
      Files.walkFileTree(
          root.dir(),
          Set.of(),
          MAX_DEPTH,
          new SimpleFileVisitor<>() {
            int seen;

            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
              boolean skip =
                  !dir.equals(root.dir()) && (name.startsWith(".") || SKIPPED.contains(name));
              return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (++seen > MAX_FILES) {
                return FileVisitResult.TERMINATE;
              }
              if (attrs.isRegularFile() && isBlueprint(file)) {
                found.add(root.relativeName(file));
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      // An unreadable corner of the repository hides only its own files.
    }
    found.sort(String::compareTo);
    return found;
  }

  /** Journal files in {@code sessions/}, sorted by name. */
  List<String> sessions() {
    Path dir = root.dir().resolve("sessions");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(Files::isRegularFile)
          .map(f -> f.getFileName().toString())
          .filter(RepositoryScan::isJournalName)
          .sorted()
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  static boolean isJournalName(String name) {
    return name.endsWith(".md") && !name.startsWith(".") && !name.contains("/");
  }

  static boolean isBlueprint(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".bp.md")
        || name.endsWith(".bp.yaml")
        || name.endsWith(".bp.yml")
        || name.endsWith(".bp.json")) {
      return true;
    }
    return name.endsWith(".md") && mentionsTaskId(file);
  }

  private static boolean mentionsTaskId(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(SNIFF_BYTES);
      return TASK_KEY.matcher(new String(head, StandardCharsets.UTF_8)).find();
    } catch (IOException e) {
      return false;
    }
  }

  static String mimeType(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".json")) {
      return "application/json";
    }
    if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
      return "application/yaml";
    }
    return "text/markdown";
  }
}
