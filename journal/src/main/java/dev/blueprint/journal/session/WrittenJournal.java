package dev.blueprint.journal.session;

import java.nio.file.Path;

/**
 * A journal on disk.
 *
 * @param file where it was written
 * @param journal the journal as written (with its sequence number)
 * @param replaced true when an earlier journal of the same session was rewritten in place
 */
public record WrittenJournal(Path file, Journal journal, boolean replaced) {}
