package dev.blueprint.server.mcp;

import dev.blueprint.journal.git.CommitQueue;
import dev.blueprint.journal.git.QueueOptions;
import dev.blueprint.journal.git.jgit.JGitCommitQueue;
import java.nio.file.Path;

/**
 * The one commit queue of the served repository, opened on first use (a server that never commits
 * pays nothing at start, and a folder that is not a git repository still serves the other tools).
 */
final class RepositoryQueue {
  private final Path repository;
  private JGitCommitQueue queue;

  RepositoryQueue(Path repository) {
    this.repository = repository;
  }

  /** The queue; throws the git layer's error when the folder is no git repository. */
  synchronized CommitQueue get() {
    if (queue == null) {
      queue = JGitCommitQueue.open(repository, QueueOptions.defaults());
    }
    return queue;
  }

  /** The full name of the branch the queue lands on. */
  synchronized String targetRef() {
    get();
    return queue.targetRef();
  }
}
