package dev.blueprint.tools.blueprint;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The markdown text the scanners index ({@code \n} line ends, no U+FEFF), and how a piece cut out
 * of it becomes a value. Either the decoded text itself, or a Latin-1 view of the file's UTF-8
 * bytes: one char per byte, a plain copy in the JDK's compact Latin-1 form. Decoding a 40 MiB
 * blueprint with one em dash in it went through the JDK's slow UTF-16 path, doubled the text's size
 * and made every later {@code charAt} and {@code substring} slower.
 *
 * <p>The view finds exactly the lines, headings and fences the decoded text has, at the same line
 * numbers: every character markdown structure is made of is ASCII, and in UTF-8 every byte of a
 * multi-byte sequence is >= 0x80, so an ASCII char in the view is that same char in the text. What
 * differs is a non-ASCII char: {@link #slice} decodes every piece that becomes a value (a piece
 * without a byte >= 0x80 is a plain copy), and {@link #charAt} gives the decoded char where a
 * scanner looks at a non-ASCII char's class.
 */
final class SourceText {
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final String text;

  /** The UTF-8 bytes {@link #text} is a Latin-1 view of; null when the text is decoded. */
  private final byte[] utf8;

  private SourceText(String text, byte[] utf8) {
    this.text = text;
    this.utf8 = utf8;
  }

  /** Decoded text, U+FEFF already removed; {@code \r\n} and lone {@code \r} become {@code \n}. */
  static SourceText of(String decoded) {
    String t =
        decoded.indexOf('\r') < 0 ? decoded : decoded.replace("\r\n", "\n").replace('\r', '\n');
    return new SourceText(t, null);
  }

  /**
   * A view of well-formed UTF-8 (checked by {@link Utf8Bytes#isValid}): U+FEFF is removed and line
   * ends become {@code \n} in the bytes, as {@link BlueprintReader#readString} and {@link
   * SourceLines} do in the decoded text.
   */
  static SourceText view(byte[] validUtf8) {
    byte[] b = validUtf8;
    String v = new String(b, StandardCharsets.ISO_8859_1);
    // EF BB BF in valid UTF-8 can only be U+FEFF: EF is a lead byte, BB and BF continuations.
    if (Utf8Bytes.containsBom(b)) {
      b = withoutBoms(b);
    }
    if (v.indexOf('\r') >= 0) {
      b = withNewlines(b);
    }
    return b == validUtf8
        ? new SourceText(v, b)
        : new SourceText(new String(b, StandardCharsets.ISO_8859_1), b);
  }

  /** The text scanners index: decoded, or the Latin-1 view. */
  String text() {
    return text;
  }

  /** Whether {@link #text()} is a view of UTF-8 bytes rather than decoded text. */
  boolean isView() {
    return utf8 != null;
  }

  /**
   * The decoded text from {@code from} to {@code to}, both at char boundaries (next to an ASCII
   * char, or the ends). The JDK copies a range without a byte >= 0x80 as Latin-1 and only decodes
   * the others.
   */
  String slice(int from, int to) {
    return utf8 == null
        ? text.substring(from, to)
        : new String(utf8, from, to - from, StandardCharsets.UTF_8);
  }

  /**
   * The decoded char starting at {@code i}, a char boundary: for a view, the code point the UTF-8
   * sequence there encodes (its high surrogate when above U+FFFF), as the decoded text has it.
   */
  char charAt(int i) {
    char c = text.charAt(i);
    if (utf8 == null || c < 0x80) {
      return c;
    }
    return new String(utf8, i, Math.min(4, utf8.length - i), StandardCharsets.UTF_8).charAt(0);
  }

  /** The same text decoded (for the commonmark walk, which needs real chars). */
  SourceText decoded() {
    return utf8 == null ? this : new SourceText(new String(utf8, StandardCharsets.UTF_8), null);
  }

  private static byte[] withoutBoms(byte[] b) {
    byte[] out = new byte[b.length];
    int n = 0;
    int i = 0;
    while (i < b.length) {
      if (i + 2 < b.length && b[i] == BOM[0] && b[i + 1] == BOM[1] && b[i + 2] == BOM[2]) {
        i += 3;
      } else {
        out[n++] = b[i++];
      }
    }
    return Arrays.copyOf(out, n);
  }

  /** {@code \r\n} and lone {@code \r} to {@code \n}, after U+FEFF is gone (as readString does). */
  private static byte[] withNewlines(byte[] b) {
    byte[] out = new byte[b.length];
    int n = 0;
    for (int i = 0; i < b.length; i++) {
      if (b[i] == '\r') {
        out[n++] = '\n';
        if (i + 1 < b.length && b[i + 1] == '\n') {
          i++;
        }
      } else {
        out[n++] = b[i];
      }
    }
    return Arrays.copyOf(out, n);
  }
}
