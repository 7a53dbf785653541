package dev.blueprint.journal.session;

import java.nio.file.Path;

/**
 * A journal found in the journal folder.
 *
 * @param file its path
 * @param document what it says
 */
public record ListedJournal(Path file, JournalDocument document) {}
