package dev.blueprint.journal.session;

import java.util.List;
import java.util.Optional;

/**
 * What git says about a session.
 *
 * @param headCommit HEAD when read
 * @param branch the checked-out branch, empty on a detached HEAD
 * @param commits commits after the start commit up to HEAD, oldest first
 * @param filesChanged lines added and removed per file, summed over those commits, by path
 */
public record GitFacts(
    Optional<String> headCommit,
    Optional<String> branch,
    List<CommitEntry> commits,
    List<FileChange> filesChanged) {

  public GitFacts {
    commits = List.copyOf(commits);
    filesChanged = List.copyOf(filesChanged);
  }
}
