package dev.blueprint.server.mcp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands between stdin and the MCP session, which would end on the first line it cannot read (the
 * SDK's stdio transport does). Each line goes through {@link JsonRpcCheck}: refused lines are
 * answered with a JSON-RPC error written straight to stdout, and only well-formed messages reach
 * the session, so it keeps serving. Used by {@link StdioTransport}.
 */
final class StdioGate implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(StdioGate.class);

  private final InputStream in;
  private final OutputStream out;
  private final JsonRpcCheck check;
  private final Consumer<byte[]> passed;
  private final PendingReplies pending;
  private final long drainMillis;

  /**
   * @param stdout the protocol stream; replies must be written to {@link #output()}, which wraps it
   * @param drainMillis at the end of input, how long to wait for replies still being worked on
   * @param passed takes each well-formed message (one line, without its newline), on this thread
   */
  StdioGate(
      InputStream in,
      OutputStream stdout,
      JsonRpcCheck check,
      long drainMillis,
      Consumer<byte[]> passed) {
    this.in = in;
    this.passed = passed;
    this.pending = new PendingReplies(stdout);
    this.out = pending;
    this.check = check;
    this.drainMillis = drainMillis;
  }

  /**
   * The stream replies go to. Writes synchronize on it, so the gate's error replies never
   * interleave with the session's.
   */
  OutputStream output() {
    return out;
  }

  /** Reads stdin to its end; run it on its own thread. */
  @Override
  public void run() {
    try {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      byte[] chunk = new byte[64 * 1024];
      boolean oversized = false;
      int n;
      // Whole chunks are scanned for newlines and copied run by run: a validate call carries a
      // blueprint, and a byte at a time cost more than the rest of the gate.
      while ((n = in.read(chunk)) != -1) {
        int start = 0;
        for (int i = 0; i < n; i++) {
          if (chunk[i] == '\n') {
            oversized = append(line, chunk, start, i, oversized);
            finish(line, oversized);
            line.reset();
            oversized = false;
            start = i + 1;
          }
        }
        oversized = append(line, chunk, start, n, oversized);
      }
      finish(line, oversized);
      if (!pending.awaitNone(drainMillis)) {
        LOG.warn("input ended with requests unanswered after {} ms", drainMillis);
      }
    } catch (IOException e) {
      LOG.debug("stdin closed: {}", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Adds bytes to the line; past the limit, keeps reading to its end but not into memory. */
  private boolean append(
      ByteArrayOutputStream line, byte[] chunk, int from, int to, boolean oversized) {
    if (oversized) {
      return true;
    }
    if (line.size() + (to - from) > check.maxBytes()) {
      line.reset();
      return true;
    }
    line.write(chunk, from, to - from);
    return false;
  }

  private void finish(ByteArrayOutputStream line, boolean oversized) throws IOException {
    if (oversized) {
      answer(check.tooLarge());
      return;
    }
    byte[] bytes = line.toByteArray();
    if (isBlank(bytes)) {
      return;
    }
    JsonRpcCheck.Verdict verdict = check.check(bytes);
    if (verdict instanceof JsonRpcCheck.Reject reject) {
      answer(reject);
      return;
    }
    String requestId = ((JsonRpcCheck.Pass) verdict).requestId();
    if (requestId != null) {
      pending.expect(requestId);
    }
    passed.accept(bytes);
  }

  /** Whitespace only; decides on the first byte for a message (which starts with a brace). */
  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (b == ' ' || (b >= 0x09 && b <= 0x0D) || (b >= 0x1C && b <= 0x1F)) {
        continue;
      }
      // Non-ASCII: a Unicode space may follow; let String decide, as before.
      return b < 0 && new String(bytes, StandardCharsets.UTF_8).isBlank();
    }
    return true;
  }

  private void answer(JsonRpcCheck.Reject reject) throws IOException {
    byte[] bytes = reject.reply().getBytes(StandardCharsets.UTF_8);
    synchronized (out) {
      out.write(bytes);
      out.write('\n');
      out.flush();
    }
  }
}
