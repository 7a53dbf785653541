package dev.blueprint.tools.plan;

import java.util.Comparator;

/**
 * Orders task ids as a person reads them: runs of digits compare as numbers, so {@code T2} comes
 * before {@code T10} and {@code T0.1.2} before {@code T0.1.10}. Other runs compare ignoring case,
 * then by case; ids equal in every run (such as {@code T01} and {@code T1}) fall back to plain
 * string order so the order is total and consistent with {@code equals}.
 */
public final class NaturalOrder implements Comparator<String> {
  public static final NaturalOrder INSTANCE = new NaturalOrder();

  private NaturalOrder() {}

  @Override
  public int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char ca = a.charAt(i);
      char cb = b.charAt(j);
      if (isDigit(ca) && isDigit(cb)) {
        int endA = digitRunEnd(a, i);
        int endB = digitRunEnd(b, j);
        int c = compareNumbers(a, i, endA, b, j, endB);
        if (c != 0) {
          return c;
        }
        i = endA;
        j = endB;
      } else {
        int c = Character.compare(Character.toLowerCase(ca), Character.toLowerCase(cb));
        if (c != 0) {
          return c;
        }
        i++;
        j++;
      }
    }
    if (i < a.length() || j < b.length()) {
      return i < a.length() ? 1 : -1;
    }
    return a.compareTo(b);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int digitRunEnd(String s, int from) {
    int k = from;
    while (k < s.length() && isDigit(s.charAt(k))) {
      k++;
    }
    return k;
  }

  /** Compares two digit runs as numbers of any length (no overflow): strip zeros, then length. */
  private static int compareNumbers(String a, int i, int endA, String b, int j, int endB) {
    while (i < endA - 1 && a.charAt(i) == '0') {
      i++;
    }
    while (j < endB - 1 && b.charAt(j) == '0') {
      j++;
    }
    int c = Integer.compare(endA - i, endB - j);
    if (c != 0) {
      return c;
    }
    for (; i < endA; i++, j++) {
      c = Character.compare(a.charAt(i), b.charAt(j));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
