package dev.blueprint.tools.blueprint;

import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A small read-only set of ids in the order given, without repeats (the caller ensures that):
 * {@link Task#prerequisites()}, asked for by every graph pass over every task, a few ids each.
 */
final class OrderedIds extends AbstractSet<String> {
  private final String[] ids;
  private final int size;

  OrderedIds(String[] ids, int size) {
    this.ids = ids;
    this.size = size;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean contains(Object o) {
    for (int i = 0; i < size; i++) {
      if (java.util.Objects.equals(ids[i], o)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Iterator<String> iterator() {
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < size;
      }

      @Override
      public String next() {
        if (next >= size) {
          throw new NoSuchElementException();
        }
        return ids[next++];
      }
    };
  }
}
