package dev.blueprint.journal.session;

import java.util.Optional;

/**
 * How to journal a transcript.
 *
 * @param agent the agent name written into the journal ({@code claude-code} for Claude Code)
 * @param status the journal's status
 * @param startCommit HEAD when the session started (recorded by the SessionStart hook); commits
 *     since then are the session's
 */
public record TranscriptOptions(String agent, JournalStatus status, Optional<String> startCommit) {

  /** Claude Code, ended normally, start commit unknown. */
  public static TranscriptOptions claudeCode() {
    return new TranscriptOptions("claude-code", JournalStatus.COMPLETE, Optional.empty());
  }
}
