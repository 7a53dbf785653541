package dev.blueprint.tools.blueprint;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An immutable map from JSON pointer to source line, kept per task: keys in an open-addressed
 * table, lines as plain ints. {@code Map.copyOf} boxed every line into an {@code Integer} and the
 * builder's {@code LinkedHashMap} made an entry object per field; for 100k tasks of ~30 fields that
 * was a large part of the heap the reader keeps and of the garbage it makes.
 */
final class FieldLines extends AbstractMap<String, Integer> {
  private static final FieldLines EMPTY = new FieldLines(new String[1], new int[1], 0);

  private final String[] keys;
  private final int[] lines;
  private final int size;

  private FieldLines(String[] keys, int[] lines, int size) {
    this.keys = keys;
    this.lines = lines;
    this.size = size;
  }

  /** {@code map} itself when it is already one, else a copy (null keys or values are refused). */
  static FieldLines copyOf(Map<String, Integer> map) {
    if (map instanceof FieldLines f) {
      return f;
    }
    if (map.isEmpty()) {
      return EMPTY;
    }
    int capacity = capacityFor(map.size());
    String[] keys = new String[capacity];
    int[] lines = new int[capacity];
    int size = 0;
    for (Map.Entry<String, Integer> e : map.entrySet()) {
      String k = java.util.Objects.requireNonNull(e.getKey(), "pointer");
      int v = java.util.Objects.requireNonNull(e.getValue(), "line");
      int slot = slot(keys, k);
      if (keys[slot] == null) {
        size++;
      }
      keys[slot] = k;
      lines[slot] = v;
    }
    return new FieldLines(keys, lines, size);
  }

  /**
   * The smallest power of two that keeps the table at most three quarters full. Half full, as it
   * was, gave a task of 20-odd fields 64 slots: the key and line arrays of 100k tasks were a
   * quarter of the heap a large blueprint keeps.
   */
  private static int capacityFor(int size) {
    int wanted = Math.max(2, size + (size + 2) / 3);
    return Integer.highestOneBit(wanted - 1) << 1;
  }

  private static final int SHAPE_MASK = (1 << 10) - 1;

  /**
   * Recent key tables, direct-mapped by their keys' hashes: tasks written alike have the same
   * pointers (which the parser shares), so they fill identical tables, and each keeps only its own
   * line array. Racy and lossy by design: tables are never changed once built, and a miss only
   * means a task keeps its own.
   */
  private static final String[][] SHAPES = new String[SHAPE_MASK + 1][];

  private static String[] sharedShape(String[] keys) {
    int h = keys.length;
    for (String k : keys) {
      h = 31 * h + (k == null ? 0 : k.hashCode());
    }
    int slot = (h ^ (h >>> 16)) & SHAPE_MASK;
    String[] known = SHAPES[slot];
    if (known != null && known.length == keys.length) {
      int i = 0;
      while (i < keys.length && known[i] == keys[i]) {
        i++;
      }
      if (i == keys.length) {
        return known;
      }
    }
    SHAPES[slot] = keys;
    return keys;
  }

  /**
   * Collects pointers and lines while a parser walks a document (a later line for the same pointer
   * replaces the earlier); {@link #build} hands the table over without copying it into a map.
   */
  static final class Builder {
    private String[] keys = new String[64];
    private int[] lines = new int[64];
    private int size;

    void put(String pointer, int line) {
      java.util.Objects.requireNonNull(pointer, "pointer");
      if ((size + 1) * 2 > keys.length) {
        rehash(keys.length * 2);
      }
      int i = slot(keys, pointer);
      if (keys[i] == null) {
        size++;
      }
      keys[i] = pointer;
      lines[i] = line;
    }

    private void rehash(int capacity) {
      String[] oldKeys = keys;
      int[] oldLines = lines;
      keys = new String[capacity];
      lines = new int[capacity];
      for (int j = 0; j < oldKeys.length; j++) {
        if (oldKeys[j] != null) {
          int i = slot(keys, oldKeys[j]);
          keys[i] = oldKeys[j];
          lines[i] = oldLines[j];
        }
      }
    }

    /** The lines collected; the builder is not used afterwards (the table is handed over). */
    FieldLines build() {
      if (size == 0) {
        return EMPTY;
      }
      if (capacityFor(size) != keys.length) {
        rehash(capacityFor(size));
      }
      FieldLines built = new FieldLines(sharedShape(keys), lines, size);
      keys = null;
      lines = null;
      return built;
    }
  }

  private static int slot(String[] keys, Object key) {
    int mask = keys.length - 1;
    int h = key.hashCode();
    int i = (h ^ (h >>> 16)) & mask;
    while (keys[i] != null && !keys[i].equals(key)) {
      i = (i + 1) & mask;
    }
    return i;
  }

  /** The line of {@code pointer}, or {@code fallback}, without boxing. */
  int lineOf(Object pointer, int fallback) {
    if (pointer == null || size == 0) {
      return fallback;
    }
    int i = slot(keys, pointer);
    return keys[i] == null ? fallback : lines[i];
  }

  @Override
  public Integer get(Object key) {
    if (key == null || size == 0) {
      return null;
    }
    int i = slot(keys, key);
    return keys[i] == null ? null : lines[i];
  }

  @Override
  public boolean containsKey(Object key) {
    return key != null && size > 0 && keys[slot(keys, key)] != null;
  }

  @Override
  public Integer getOrDefault(Object key, Integer fallback) {
    Integer v = get(key);
    return v == null ? fallback : v;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Set<Map.Entry<String, Integer>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return size;
      }

      @Override
      public Iterator<Map.Entry<String, Integer>> iterator() {
        return new Iterator<>() {
          private int next = advance(0);

          private int advance(int from) {
            int i = from;
            while (i < keys.length && keys[i] == null) {
              i++;
            }
            return i;
          }

          @Override
          public boolean hasNext() {
            return next < keys.length;
          }

          @Override
          public Map.Entry<String, Integer> next() {
            if (next >= keys.length) {
              throw new NoSuchElementException();
            }
            Map.Entry<String, Integer> e = new SimpleImmutableEntry<>(keys[next], lines[next]);
            next = advance(next + 1);
            return e;
          }
        };
      }
    };
  }
}
