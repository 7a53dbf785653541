package dev.blueprint.server.mcp;

import java.io.InputStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * An input stream fed line by line from another thread: what {@link StdioGate} lets through to the
 * SDK's stdio transport. Reads block until a line or the end arrives.
 */
final class LineQueue extends InputStream {
  private static final byte[] END = new byte[0];

  private final BlockingQueue<byte[]> lines = new LinkedBlockingQueue<>();
  private byte[] current = new byte[0];
  private int pos;
  private boolean ended;

  /** Hands one complete line (with its newline) to the reader. */
  void offer(byte[] line) {
    lines.add(line);
  }

  /** No more lines: the reader sees end of stream once the queued ones are read. */
  void end() {
    lines.add(END);
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public synchronized int read(byte[] b, int off, int len) {
    if (len == 0) {
      return 0;
    }
    while (pos == current.length) {
      if (ended) {
        return -1;
      }
      try {
        current = lines.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return -1;
      }
      pos = 0;
      if (current == END) {
        ended = true;
      }
    }
    int n = Math.min(len, current.length - pos);
    System.arraycopy(current, pos, b, off, n);
    pos += n;
    return n;
  }

  @Override
  public synchronized int available() {
    return current.length - pos;
  }
}
