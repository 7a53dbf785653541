package dev.blueprint.journal.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Resolves a requested path inside a root and refuses anything that lands outside it: absolute
 * paths elsewhere, {@code ..} segments, and symlinks (in any existing part of the path) pointing
 * out.
 */
public final class WorkspacePath {
  private WorkspacePath() {}

  /**
   * The absolute, normalised path of {@code requested} under {@code root}. Throws {@link
   * GitLayerException} {@code E_PATH_ESCAPES} when it would resolve outside {@code root}.
   */
  public static Path resolve(Path root, String requested) {
    Path realRoot;
    try {
      realRoot = root.toRealPath();
    } catch (IOException e) {
      throw new GitLayerException(
          "E_PATH_ROOT", "workspace root does not exist: " + root, root.toString(), e);
    }
    Path candidate;
    try {
      candidate = realRoot.resolve(requested).normalize();
    } catch (InvalidPathException e) {
      throw escape(requested, realRoot);
    }
    if (!candidate.startsWith(realRoot)) {
      throw escape(requested, realRoot);
    }
    // Follow symlinks on the longest existing prefix: a link inside the root may point out.
    Path existing = candidate;
    while (existing != null && !Files.exists(existing, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    if (existing != null) {
      try {
        Path real = existing.toRealPath();
        if (!real.startsWith(realRoot)) {
          throw escape(requested, realRoot);
        }
      } catch (IOException e) {
        // A dangling symlink: its target does not exist, so judge the link text itself.
        try {
          Path target = Files.readSymbolicLink(existing);
          Path resolved = existing.getParent().resolve(target).normalize();
          if (!resolved.startsWith(realRoot)) {
            throw escape(requested, realRoot);
          }
        } catch (IOException | UnsupportedOperationException notALink) {
          throw escape(requested, realRoot);
        }
      }
    }
    return candidate;
  }

  /**
   * The path of {@code requested} relative to {@code root} with '/' separators, as git names it.
   */
  public static String repoRelative(Path root, String requested) {
    Path resolved = resolve(root, requested);
    try {
      return root.toRealPath().relativize(resolved).toString().replace('\\', '/');
    } catch (IOException e) {
      throw new GitLayerException("E_PATH_ROOT", "cannot read " + root, root.toString(), e);
    }
  }

  private static GitLayerException escape(String requested, Path root) {
    return new GitLayerException(
        "E_PATH_ESCAPES", "path resolves outside " + root + ": " + requested, requested);
  }
}
