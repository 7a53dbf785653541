package dev.blueprint.journal.git.jgit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Writes a new tree from an old one by rewriting only the trees on the changed paths: a commit of a
 * few files in a 20k-file repository touches a handful of tree objects instead of an index of 20k
 * entries.
 */
final class TreeEdits {
  private TreeEdits() {}

  /** Thrown when an edit needs a directory where the tree has a file or the other way round. */
  static final class PathShapeConflict extends Exception {
    private static final long serialVersionUID = 1L;

    PathShapeConflict(String path) {
      super(path);
    }
  }

  /**
   * Applies {@code edits} (path to new entry, null to delete) to {@code tree} and returns the new
   * root tree id (inserted, not flushed).
   */
  static ObjectId apply(
      ObjectReader reader,
      ObjectInserter inserter,
      ObjectId tree,
      SortedMap<String, TreeEntry> edits)
      throws IOException, PathShapeConflict {
    ObjectId result = applyAt(reader, inserter, tree, "", edits);
    return result == null ? inserter.insert(new TreeFormatter()) : result;
  }

  /** The entry at {@code path} in {@code tree}, or null if absent or a directory. */
  static TreeEntry lookup(ObjectReader reader, ObjectId tree, String path) throws IOException {
    try (TreeWalk tw = TreeWalk.forPath(reader, path, tree)) {
      if (tw == null || tw.getFileMode(0).equals(FileMode.TREE)) {
        return null;
      }
      return new TreeEntry(tw.getFileMode(0), tw.getObjectId(0));
    }
  }

  private static ObjectId applyAt(
      ObjectReader reader,
      ObjectInserter inserter,
      ObjectId tree,
      String prefix,
      SortedMap<String, TreeEntry> edits)
      throws IOException, PathShapeConflict {
    Map<String, TreeEntry> entries = new HashMap<>();
    if (tree != null) {
      CanonicalTreeParser p = new CanonicalTreeParser(null, reader, tree);
      for (; !p.eof(); p.next()) {
        entries.put(
            p.getEntryPathString(), new TreeEntry(p.getEntryFileMode(), p.getEntryObjectId()));
      }
    }
    // Group edits by their first path component.
    Map<String, SortedMap<String, TreeEntry>> below = new TreeMap<>();
    for (Map.Entry<String, TreeEntry> e : edits.entrySet()) {
      String path = e.getKey();
      int slash = path.indexOf('/');
      if (slash < 0) {
        TreeEntry old = entries.get(path);
        if (old != null && old.mode().equals(FileMode.TREE)) {
          throw new PathShapeConflict(prefix + path);
        }
        if (e.getValue() == null) {
          entries.remove(path);
        } else {
          entries.put(path, e.getValue());
        }
      } else {
        below
            .computeIfAbsent(path.substring(0, slash), k -> new TreeMap<>())
            .put(path.substring(slash + 1), e.getValue());
      }
    }
    for (Map.Entry<String, SortedMap<String, TreeEntry>> sub : below.entrySet()) {
      String name = sub.getKey();
      TreeEntry old = entries.get(name);
      if (old != null && !old.mode().equals(FileMode.TREE)) {
        throw new PathShapeConflict(prefix + name);
      }
      ObjectId newSub =
          applyAt(
              reader, inserter, old == null ? null : old.id(), prefix + name + "/", sub.getValue());
      if (newSub == null) {
        entries.remove(name);
      } else {
        entries.put(name, new TreeEntry(FileMode.TREE, newSub));
      }
    }
    if (entries.isEmpty()) {
      return null;
    }
    List<Map.Entry<String, TreeEntry>> sorted = new ArrayList<>(entries.entrySet());
    sorted.sort(Comparator.comparing(TreeEdits::gitSortKey));
    TreeFormatter f = new TreeFormatter();
    for (Map.Entry<String, TreeEntry> e : sorted) {
      f.append(e.getKey(), e.getValue().mode(), e.getValue().id());
    }
    return inserter.insert(f);
  }

  /** Git orders tree entries bytewise, with a directory compared as if its name ended in '/'. */
  private static String gitSortKey(Map.Entry<String, TreeEntry> e) {
    String name = e.getKey();
    String key = e.getValue().mode().equals(FileMode.TREE) ? name + "/" : name;
    // Compare as UTF-8 bytes: map each byte to a char so String order equals byte order.
    byte[] b = Constants.encode(key);
    char[] c = new char[b.length];
    for (int i = 0; i < b.length; i++) {
      c[i] = (char) (b[i] & 0xff);
    }
    return new String(c);
  }
}
