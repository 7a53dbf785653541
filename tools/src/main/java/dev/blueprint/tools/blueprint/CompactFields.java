package dev.blueprint.tools.blueprint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The fields of one {@link ObjectNode} the fast YAML path builds, in insertion order, as two
 * parallel arrays searched linearly. Jackson's default {@code LinkedHashMap} costs a table and a
 * 40-byte entry per field; task mappings have a handful of fields each, and for 100k tasks those
 * maps were most of the heap the reader keeps (and that the collector copies). A mapping that grows
 * past {@link #LINEAR} fields moves to a {@code LinkedHashMap} so large blocks stay linear-time.
 *
 * <p>Behaves as an ordinary insertion-ordered mutable map: {@code put} of an existing key keeps its
 * position, {@code remove} shifts the rest, iteration supports {@code remove}.
 */
final class CompactFields extends AbstractMap<String, JsonNode> {
  private static final int LINEAR = 16;

  private String[] keys;
  private int[] hashes;
  private JsonNode[] values;
  private int size;
  private Map<String, JsonNode> large;
  private int modCount;

  /** Whether {@code keys} and {@code hashes} are a shape shared with other maps (copy on write). */
  private boolean sharedShape;

  /** A sequence of keys many maps have (every task block's top level has the same few). */
  private record Shape(String[] keys, int[] hashes) {}

  private static final int SHAPE_MASK = (1 << 10) - 1;

  /**
   * Recent shapes, direct-mapped by their keys' hashes; racy and lossy by design (immutable
   * entries, a miss only means an own copy).
   */
  private static final Shape[] SHAPES = new Shape[SHAPE_MASK + 1];

  CompactFields(int capacity) {
    keys = new String[capacity];
    hashes = new int[capacity];
    values = new JsonNode[capacity];
  }

  /** An empty object node backed by compact fields. */
  static ObjectNode objectNode(JsonNodeFactory nodes) {
    return new ObjectNode(nodes, new CompactFields(4));
  }

  /** An object node backed by {@code fields}. */
  static ObjectNode objectNode(JsonNodeFactory nodes, CompactFields fields) {
    return new ObjectNode(nodes, fields);
  }

  /**
   * Done adding fields (the parser finished this mapping): trims the arrays and, when another map
   * already has exactly these keys in this order, shares its key and hash arrays, so 100k task
   * mappings keep one copy of their field names and each validator pass over the tasks finds them
   * in the cache. Later changes copy the shape first.
   */
  void seal() {
    if (large != null || sharedShape) {
      return;
    }
    int h = size;
    for (int i = 0; i < size; i++) {
      h = 31 * h + hashes[i];
    }
    int slot = (h ^ (h >>> 16)) & SHAPE_MASK;
    Shape shape = SHAPES[slot];
    if (shape == null || !sameKeys(shape)) {
      shape = new Shape(Arrays.copyOf(keys, size), Arrays.copyOf(hashes, size));
      SHAPES[slot] = shape;
    }
    keys = shape.keys();
    hashes = shape.hashes();
    if (values.length != size) {
      values = Arrays.copyOf(values, size);
    }
    sharedShape = true;
  }

  private boolean sameKeys(Shape shape) {
    if (shape.keys().length != size) {
      return false;
    }
    for (int i = 0; i < size; i++) {
      if (shape.keys()[i] != keys[i]) {
        return false;
      }
    }
    return true;
  }

  /** Takes an own copy of the arrays with room for {@code capacity} fields. */
  private void own(int capacity) {
    keys = Arrays.copyOf(keys, capacity);
    hashes = Arrays.copyOf(hashes, capacity);
    values = Arrays.copyOf(values, capacity);
    sharedShape = false;
  }

  /** Where {@code key} is, or -1; compares cached hash codes before any characters. */
  private int indexOf(Object key) {
    if (!(key instanceof String k)) {
      return -1;
    }
    int h = k.hashCode();
    for (int i = 0; i < size; i++) {
      if (hashes[i] == h && (keys[i] == k || keys[i].equals(k))) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public JsonNode get(Object key) {
    if (large != null) {
      return large.get(key);
    }
    int i = indexOf(key);
    return i < 0 ? null : values[i];
  }

  @Override
  public boolean containsKey(Object key) {
    return large != null ? large.containsKey(key) : indexOf(key) >= 0;
  }

  @Override
  public JsonNode put(String key, JsonNode value) {
    if (large != null) {
      return large.put(key, value);
    }
    java.util.Objects.requireNonNull(key, "key");
    int i = indexOf(key);
    if (i >= 0) {
      JsonNode old = values[i];
      values[i] = value;
      return old;
    }
    modCount++;
    if (size == LINEAR) {
      large = new LinkedHashMap<>(LINEAR * 4);
      for (int j = 0; j < size; j++) {
        large.put(keys[j], values[j]);
      }
      keys = null;
      hashes = null;
      values = null;
      size = 0;
      sharedShape = false;
      return large.put(key, value);
    }
    if (sharedShape || size == keys.length) {
      own(Math.max(4, size * 2));
    }
    keys[size] = key;
    hashes[size] = key.hashCode();
    values[size++] = value;
    return null;
  }

  @Override
  public JsonNode remove(Object key) {
    if (large != null) {
      return large.remove(key);
    }
    int i = indexOf(key);
    if (i < 0) {
      return null;
    }
    JsonNode old = values[i];
    removeAt(i);
    return old;
  }

  private void removeAt(int i) {
    if (sharedShape) {
      own(Math.max(4, size));
    }
    modCount++;
    System.arraycopy(keys, i + 1, keys, i, size - i - 1);
    System.arraycopy(hashes, i + 1, hashes, i, size - i - 1);
    System.arraycopy(values, i + 1, values, i, size - i - 1);
    size--;
    keys[size] = null;
    values[size] = null;
  }

  @Override
  public void clear() {
    if (large != null) {
      large.clear();
      return;
    }
    modCount++;
    if (sharedShape) {
      own(4);
    }
    Arrays.fill(keys, 0, size, null);
    Arrays.fill(values, 0, size, null);
    size = 0;
  }

  @Override
  public int size() {
    return large != null ? large.size() : size;
  }

  /**
   * Straight over the arrays, without an entry object per field ({@code ObjectNode.forEachEntry}
   * lands here; the validator's string walk visits every field of 100k tasks this way).
   */
  @Override
  public void forEach(java.util.function.BiConsumer<? super String, ? super JsonNode> action) {
    if (large != null) {
      large.forEach(action);
      return;
    }
    int expected = modCount;
    for (int i = 0; i < size; i++) {
      action.accept(keys[i], values[i]);
      if (expected != modCount || large != null) {
        throw new ConcurrentModificationException();
      }
    }
  }

  @Override
  public Set<Map.Entry<String, JsonNode>> entrySet() {
    if (large != null) {
      return large.entrySet();
    }
    return new AbstractSet<>() {
      @Override
      public int size() {
        return CompactFields.this.size();
      }

      @Override
      public Iterator<Map.Entry<String, JsonNode>> iterator() {
        if (large != null) {
          return large.entrySet().iterator();
        }
        return new Entries();
      }
    };
  }

  /** Iterates in insertion order; entries write through to the map. */
  private final class Entries implements Iterator<Map.Entry<String, JsonNode>> {
    private int next;
    private int last = -1;
    private int expected = modCount;

    @Override
    public boolean hasNext() {
      return next < size;
    }

    @Override
    public Map.Entry<String, JsonNode> next() {
      if (expected != modCount || large != null) {
        throw new ConcurrentModificationException();
      }
      if (next >= size) {
        throw new NoSuchElementException();
      }
      last = next++;
      int at = last;
      String key = keys[at];
      return new SimpleEntry<>(key, values[at]) {
        @Override
        public JsonNode setValue(JsonNode value) {
          JsonNode old = super.setValue(value);
          if (large == null && at < size && keys[at] == key) {
            values[at] = value;
          } else {
            CompactFields.this.put(key, value);
          }
          return old;
        }
      };
    }

    @Override
    public void remove() {
      if (last < 0) {
        throw new IllegalStateException();
      }
      if (expected != modCount || large != null) {
        throw new ConcurrentModificationException();
      }
      removeAt(last);
      next = last;
      last = -1;
      expected = modCount;
    }
  }
}
