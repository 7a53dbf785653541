package dev.blueprint.journal.workrate;

import java.util.Optional;

/**
 * What the report keeps about one commit: when it was made, how many lines it added (lines that
 * blame attributes to it at the time it was made), and the trailers that say whose work it was.
 *
 * @param sha the commit id
 * @param commitTime committer time, seconds since the epoch
 * @param linesAdded lines this commit introduced in tracked text files
 * @param sessionId the {@code Session-Id} trailer
 * @param runId the {@code Blueprint-Run} trailer
 * @param agent the {@code Agent} trailer
 * @param model the {@code Model} trailer
 * @param blueprint the {@code Blueprint} trailer
 */
public record CommitFacts(
    String sha,
    long commitTime,
    int linesAdded,
    Optional<String> sessionId,
    Optional<String> runId,
    Optional<String> agent,
    Optional<String> model,
    Optional<String> blueprint) {}
