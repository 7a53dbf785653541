package dev.blueprint.tools.status;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A slice of a task's log for status readers, with the offset to continue from. Without an offset
 * it is the end of the log, starting at a line boundary; with one, it is what was written since.
 *
 * @param text the slice, decoded as UTF-8 (a character cut at the slice's end is left for the next
 *     read)
 * @param offset where the slice starts in the file
 * @param nextOffset where the next read should start
 * @param size the file's size when read
 */
public record LogTail(String text, long offset, long nextOffset, long size) {
  public static final int DEFAULT_MAX_BYTES = 8 * 1024;

  public static LogTail read(Path file, Long fromOffset, int maxBytes) {
    if (!Files.isRegularFile(file)) {
      return new LogTail("", 0, 0, 0);
    }
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      long size = f.length();
      long start =
          fromOffset == null
              ? Math.max(0, size - maxBytes)
              : Math.min(Math.max(0, fromOffset), size);
      int n = (int) Math.min(maxBytes, size - start);
      byte[] buf = new byte[n];
      f.seek(start);
      f.readFully(buf);
      int from = 0;
      if (fromOffset == null && start > 0) {
        // Begin at the first whole line.
        while (from < n && buf[from] != '\n') {
          from++;
        }
        from = Math.min(n, from + 1);
      }
      int to = n;
      // Leave a character cut by the slice's end for the next read.
      int back = 0;
      while (back < 3 && to - back - 1 >= from && (buf[to - back - 1] & 0xC0) == 0x80) {
        back++;
      }
      if (to - back - 1 >= from && (buf[to - back - 1] & 0xC0) == 0xC0) {
        int lead = buf[to - back - 1] & 0xFF;
        int need = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : 1;
        if (back < need) {
          to = to - back - 1;
        }
      }
      String text = new String(buf, from, to - from, StandardCharsets.UTF_8);
      return new LogTail(text, start + from, start + to, size);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
