package dev.blueprint.journal.git;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * The untracked files a workspace needs ({@code .env}, local config), listed by the user in {@code
 * .worktreeinclude} at the top of the main checkout: one glob a line, {@code #} comments. A glob
 * without '/' matches a file name at any depth; with '/' it matches the path from the top. Nothing
 * is copied when the file is absent or empty.
 */
public final class WorktreeInclude {
  public static final String FILE_NAME = ".worktreeinclude";

  private final List<PathMatcher> byName = new ArrayList<>();
  private final List<PathMatcher> byPath = new ArrayList<>();

  private WorktreeInclude(List<String> globs) {
    for (String g : globs) {
      String glob = g.startsWith("/") ? g.substring(1) : g;
      PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + glob);
      if (g.contains("/")) {
        byPath.add(m);
      } else {
        byName.add(m);
      }
    }
  }

  /** Reads {@code .worktreeinclude} from {@code mainWorkTree}; empty when there is none. */
  public static WorktreeInclude read(Path mainWorkTree) {
    Path file = mainWorkTree.resolve(FILE_NAME);
    List<String> globs = new ArrayList<>();
    if (Files.isRegularFile(file)) {
      try {
        for (String line : Files.readAllLines(file)) {
          String l = line.strip();
          if (!l.isEmpty() && !l.startsWith("#")) {
            globs.add(l);
          }
        }
      } catch (IOException e) {
        throw new GitLayerException("E_INCLUDE_FILE", "cannot read " + file, file.toString(), e);
      }
    }
    return new WorktreeInclude(globs);
  }

  public boolean isEmpty() {
    return byName.isEmpty() && byPath.isEmpty();
  }

  boolean matches(Path relative) {
    for (PathMatcher m : byPath) {
      if (m.matches(relative)) {
        return true;
      }
    }
    Path name = relative.getFileName();
    for (PathMatcher m : byName) {
      if (name != null && m.matches(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Copies every matching file of {@code from} that {@code to} does not have yet; returns the
   * copied paths (relative, '/' separators). Never descends into .git or .blueprint.
   */
  public List<String> copy(Path from, Path to) {
    List<String> copied = new ArrayList<>();
    if (isEmpty()) {
      return copied;
    }
    try {
      Files.walkFileTree(
          from,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              String n = dir.getFileName() == null ? "" : dir.getFileName().toString();
              if (!dir.equals(from) && (n.equals(".git") || n.equals(".blueprint"))) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Path rel = from.relativize(file);
              if (matches(rel)) {
                Path target = to.resolve(rel.toString());
                if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                  Files.createDirectories(target.getParent());
                  Files.copy(
                      file, target, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
                  copied.add(rel.toString().replace('\\', '/'));
                }
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new GitLayerException(
          "E_INCLUDE_COPY", "cannot copy include files: " + e.getMessage(), to.toString(), e);
    }
    return copied;
  }
}
