package dev.blueprint.journal.git.jgit;

import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;

/** A file in a git tree: its mode and object id. */
record TreeEntry(FileMode mode, ObjectId id) {
  boolean sameAs(TreeEntry other) {
    return other != null && mode.equals(other.mode) && id.equals(other.id);
  }

  static boolean same(TreeEntry a, TreeEntry b) {
    return a == null ? b == null : a.sameAs(b);
  }
}
