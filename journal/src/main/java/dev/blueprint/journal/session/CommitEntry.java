package dev.blueprint.journal.session;

import java.util.List;

/**
 * One commit made during a session.
 *
 * @param sha the full commit id
 * @param subject the first line of the message
 * @param files lines added and removed per file against the first parent
 */
public record CommitEntry(String sha, String subject, List<FileChange> files) {

  public CommitEntry {
    files = List.copyOf(files);
  }

  /** The seven-character id people read in logs. */
  public String shortSha() {
    return sha.length() > 7 ? sha.substring(0, 7) : sha;
  }
}
