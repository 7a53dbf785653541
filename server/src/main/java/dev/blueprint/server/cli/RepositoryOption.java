package dev.blueprint.server.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code -C DIR} / {@code --repo DIR} option of the commands that work in a repository. */
final class RepositoryOption {

  @Option(
      names = {"-C", "--repo"},
      paramLabel = "DIR",
      description = "Repository folder (default: the current one).")
  Path dir = Path.of(".");

  /** The top of the repository around the given folder. */
  Path root() {
    return RepositoryRoot.around(dir);
  }
}
