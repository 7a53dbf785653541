package dev.blueprint.journal.workrate;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What the work-rate report needs to know about one session, from its journal's front matter. Every
 * field but the id may be absent: many hand-written journals lack most of them.
 *
 * @param id the session id ({@code session_id}, or {@code session} in older journals)
 * @param date the day the session ran, if known
 * @param agent the agent that ran it (for example {@code claude-code})
 * @param model the model it used
 * @param blueprint the blueprint it worked on
 * @param startCommit the commit HEAD was at when the session started (exclusive)
 * @param endCommit the last commit of the session (inclusive)
 * @param runId the blueprint run whose commits ({@code Blueprint-Run} trailer) are this session's
 */
public record SessionInfo(
    String id,
    Optional<LocalDate> date,
    Optional<String> agent,
    Optional<String> model,
    Optional<String> blueprint,
    Optional<String> startCommit,
    Optional<String> endCommit,
    Optional<String> runId) {

  /** A session known only by its id, as found in a {@code Session-Id} trailer. */
  public static SessionInfo ofId(String id) {
    return new SessionInfo(
        id,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }
}
