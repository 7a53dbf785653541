package dev.blueprint.journal.session;

/**
 * Lines added and removed in one file.
 *
 * @param path the path relative to the repository root, with forward slashes
 * @param added lines added
 * @param removed lines removed
 */
public record FileChange(String path, int added, int removed) {

  /** This change followed by another one to the same file. */
  public FileChange plus(FileChange other) {
    return new FileChange(path, added + other.added, removed + other.removed);
  }
}
