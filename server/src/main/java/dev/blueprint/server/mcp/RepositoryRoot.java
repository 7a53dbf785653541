package dev.blueprint.server.mcp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The repository a server serves. Every path a client names is resolved against it, and a path that
 * would leave it (by {@code ..}, an absolute path or a symbolic link) is refused, so a client
 * cannot read files outside the repository through the tools or resources. Server state and git
 * internals inside it are refused too.
 */
public record RepositoryRoot(Path dir) {

  public RepositoryRoot {
    try {
      dir = dir.toRealPath();
    } catch (IOException e) {
      throw new IllegalArgumentException("repository folder not found: " + dir, e);
    }
  }

  /**
   * The file a client named, inside the repository, or empty when the name is not a valid path or
   * leads outside.
   */
  public Optional<Path> resolve(String relative) {
    if (relative == null || relative.isBlank()) {
      return Optional.empty();
    }
    Path candidate;
    try {
      candidate = dir.resolve(relative).normalize();
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
    if (!candidate.startsWith(dir) || isPrivate(dir.relativize(candidate))) {
      return Optional.empty();
    }
    if (Files.exists(candidate)) {
      try {
        // A symbolic link inside the repository may still point outside it.
        if (!candidate.toRealPath().startsWith(dir)) {
          return Optional.empty();
        }
      } catch (IOException e) {
        return Optional.empty();
      }
    }
    return Optional.of(candidate);
  }

  /**
   * Server state ({@code .blueprint/}, which holds the HTTP token) and git internals are never
   * served, even though they sit inside the repository folder.
   */
  private static boolean isPrivate(Path relative) {
    if (relative.getNameCount() == 0) {
      return false;
    }
    String first = relative.getName(0).toString();
    return first.equals(".blueprint") || first.equals(".git");
  }

  /** The path of a file in the repository as clients see it: relative, with forward slashes. */
  public String relativeName(Path file) {
    return dir.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
  }
}
