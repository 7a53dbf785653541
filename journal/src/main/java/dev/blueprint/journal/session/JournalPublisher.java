package dev.blueprint.journal.session;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where a written journal goes next. The commit queue ({@code journal/git}) plugs in here so the
 * journal file is committed like any other change; {@link #NONE} leaves the file in the working
 * tree for the user to commit.
 */
@FunctionalInterface
public interface JournalPublisher {

  /** Leaves the file where it is. */
  JournalPublisher NONE = (file, message) -> {};

  /**
   * Publishes a journal that was just written.
   *
   * @param file the journal file, inside the repository's {@code sessions/} folder
   * @param message a commit message naming the session
   */
  void publish(Path file, String message) throws IOException;
}
