package dev.blueprint.tools.blueprint;

/**
 * The fast YAML path's shared field names and pointers, found without making a string first. Every
 * task block repeats the same keys ({@code name}, {@code interface}) and pointers ({@code
 * /interface/input}); cutting each key out of the text and concatenating each pointer, only to look
 * the new string up in {@link LocatedTreeParser#shared} and drop it, was a large part of the
 * reader's allocation. Two small direct-mapped tables remember recent answers: a key by its
 * characters, a pointer by the identity of its (shared) parent pointer and key.
 *
 * <p>Slots are overwritten freely and read without locks: entries are immutable (final fields), so
 * a racing reader sees a whole entry or misses; a miss only costs the slow path.
 */
final class SharedNames {
  private static final int MASK = (1 << 12) - 1;
  private static final String[] KEYS = new String[MASK + 1];
  private static final Child[] CHILDREN = new Child[MASK + 1];

  private record Child(String parent, String key, int index, String pointer) {}

  private SharedNames() {}

  /** The shared string equal to {@code text[from, to)}. */
  static String key(String text, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + text.charAt(i);
    }
    int slot = (h ^ (h >>> 16)) & MASK;
    String k = KEYS[slot];
    int n = to - from;
    if (k != null && k.length() == n && text.regionMatches(from, k, 0, n)) {
      return k;
    }
    k = LocatedTreeParser.shared(text.substring(from, to));
    KEYS[slot] = k;
    return k;
  }

  /** The shared pointer {@code parent + "/" + key} ({@code key} unescaped: plain keys only). */
  static String field(String parent, String key) {
    int h = parent.hashCode() * 31 + key.hashCode();
    int slot = (h ^ (h >>> 16)) & MASK;
    Child c = CHILDREN[slot];
    if (c != null && c.parent() == parent && c.key() == key) {
      return c.pointer();
    }
    String p = LocatedTreeParser.shared(parent + "/" + key);
    CHILDREN[slot] = new Child(parent, key, -1, p);
    return p;
  }

  /** The shared pointer {@code parent + "/" + index}. */
  static String element(String parent, int index) {
    int h = parent.hashCode() * 31 + index + 0x5bd1e995;
    int slot = (h ^ (h >>> 16)) & MASK;
    Child c = CHILDREN[slot];
    if (c != null && c.parent() == parent && c.key() == null && c.index() == index) {
      return c.pointer();
    }
    String p = LocatedTreeParser.shared(parent + "/" + index);
    CHILDREN[slot] = new Child(parent, null, index, p);
    return p;
  }
}
