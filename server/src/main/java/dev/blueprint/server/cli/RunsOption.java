package dev.blueprint.server.cli;

import dev.blueprint.tools.status.sqlite.SqliteRunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * The {@code -C DIR} option of the commands that read a repository's runs, and the run store it
 * leads to. A repository without a run database is a usage error, never a new empty database: a
 * command that only reads must not leave state behind.
 */
final class RunsOption {

  @Option(
      names = {"-C", "--repo"},
      paramLabel = "DIR",
      description = "Run as if started in DIR.")
  Path dir = Path.of("");

  /** The top of the git repository around {@code -C}. */
  Path repository() {
    return DispatchCommand.repository(dir);
  }

  /**
   * The repository's run store, opened as {@code executor}; {@code none} is the error when the
   * repository has no runs.
   */
  SqliteRunStore open(Path repo, String executor, Supplier<UsageException> none) {
    if (!Files.exists(repo.resolve(".blueprint").resolve("state.db"))) {
      throw none.get();
    }
    return SqliteRunStore.openInRepository(repo, DispatchCommand.clock(), executor);
  }
}
