package dev.blueprint.tools.blueprint;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Checks on a file's bytes before they become text: whether they are all ASCII, and whether they
 * are well-formed UTF-8 (RFC 3629, what the JDK's decoder accepts: no overlong forms, no encoded
 * surrogates, nothing above U+10FFFF, no truncated or stray sequences). Both skip ASCII eight bytes
 * at a time: a blueprint is almost all ASCII, and a decoder pass would build a UTF-16 copy of it.
 */
final class Utf8Bytes {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long HIGH_BITS = 0x8080808080808080L;

  private Utf8Bytes() {}

  /** The index of the first byte >= 0x80, or {@code bytes.length} when all are ASCII. */
  static int firstNonAscii(byte[] bytes, int from) {
    int i = from;
    int n = bytes.length;
    while (i + 8 <= n && ((long) LONGS.get(bytes, i) & HIGH_BITS) == 0) {
      i += 8;
    }
    while (i < n && bytes[i] >= 0) {
      i++;
    }
    return i;
  }

  /** Whether every byte is ASCII (then ISO-8859-1 decoding is exact and a plain copy). */
  static boolean isAscii(byte[] bytes) {
    return firstNonAscii(bytes, 0) == bytes.length;
  }

  /**
   * Whether U+FEFF (EF BB BF) is in {@code bytes}, looked for at the non-ASCII bytes only (a {@code
   * String.indexOf} of its three chars over a 40 MiB view took 15-25 ms).
   */
  static boolean containsBom(byte[] b) {
    for (int i = firstNonAscii(b, 0); i + 2 < b.length; i = firstNonAscii(b, i + 1)) {
      if (b[i] == (byte) 0xEF && b[i + 1] == (byte) 0xBB && b[i + 2] == (byte) 0xBF) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code bytes} are well-formed UTF-8, by the table in RFC 3629 section 4. */
  static boolean isValid(byte[] bytes) {
    return isValid(bytes, 0);
  }

  /** {@link #isValid(byte[])} when the bytes before {@code from} are known to be ASCII. */
  static boolean isValid(byte[] bytes, int from) {
    int n = bytes.length;
    int i = firstNonAscii(bytes, from);
    while (i < n) {
      int b = bytes[i] & 0xFF;
      int length;
      int low = 0x80;
      int high = 0xBF; // the range of the second byte; later ones are always 80..BF
      if (b >= 0xC2 && b <= 0xDF) {
        length = 2;
      } else if (b >= 0xE0 && b <= 0xEF) {
        length = 3;
        low = b == 0xE0 ? 0xA0 : 0x80; // E0 80..9F would be overlong
        high = b == 0xED ? 0x9F : 0xBF; // ED A0..BF would be a surrogate
      } else if (b >= 0xF0 && b <= 0xF4) {
        length = 4;
        low = b == 0xF0 ? 0x90 : 0x80; // F0 80..8F would be overlong
        high = b == 0xF4 ? 0x8F : 0xBF; // F4 90.. would be above U+10FFFF
      } else {
        return false; // a continuation byte with no lead, C0/C1 (overlong), F5..FF
      }
      if (i + length > n) {
        return false;
      }
      int second = bytes[i + 1] & 0xFF;
      if (second < low || second > high) {
        return false;
      }
      for (int k = i + 2; k < i + length; k++) {
        if ((bytes[k] & 0xC0) != 0x80) {
          return false;
        }
      }
      i = firstNonAscii(bytes, i + length);
    }
    return true;
  }
}
