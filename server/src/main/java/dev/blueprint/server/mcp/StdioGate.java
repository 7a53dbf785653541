package dev.blueprint.server.mcp;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands between stdin and the SDK's stdio transport, which ends the session on the first line it
 * cannot read. Each line goes through {@link JsonRpcCheck}: refused lines are answered with a
 * JSON-RPC error written straight to stdout, and only well-formed messages reach the SDK, so the
 * session keeps serving.
 */
public final class StdioGate implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(StdioGate.class);

  private final InputStream in;
  private final OutputStream out;
  private final JsonRpcCheck check;
  private final LineQueue passed = new LineQueue();
  private final PendingReplies pending;
  private final long drainMillis;

  /**
   * @param stdout the protocol stream; the SDK must write to {@link #output()}, which wraps it
   * @param drainMillis at the end of input, how long to wait for replies still being worked on
   */
  public StdioGate(InputStream in, OutputStream stdout, JsonRpcCheck check, long drainMillis) {
    this.in = new BufferedInputStream(in, 64 * 1024);
    this.pending = new PendingReplies(stdout);
    this.out = pending;
    this.check = check;
    this.drainMillis = drainMillis;
  }

  /**
   * The stream the SDK writes replies to. Writes synchronize on it, as the SDK's do, so the gate's
   * error replies never interleave with the SDK's.
   */
  public OutputStream output() {
    return out;
  }

  /** What the SDK transport reads: the well-formed messages only. */
  public InputStream passed() {
    return passed;
  }

  /** Reads stdin to its end; run it on its own thread. */
  @Override
  public void run() {
    try {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      boolean oversized = false;
      int b;
      while ((b = in.read()) != -1) {
        if (b == '\n') {
          finish(line, oversized);
          line.reset();
          oversized = false;
        } else if (!oversized) {
          if (line.size() >= check.maxBytes()) {
            // Keep reading to the end of the line, but not into memory.
            oversized = true;
            line.reset();
          } else {
            line.write(b);
          }
        }
      }
      finish(line, oversized);
      if (!pending.awaitNone(drainMillis)) {
        LOG.warn("input ended with requests unanswered after {} ms", drainMillis);
      }
    } catch (IOException e) {
      LOG.debug("stdin closed: {}", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      passed.end();
    }
  }

  private void finish(ByteArrayOutputStream line, boolean oversized) throws IOException {
    if (oversized) {
      answer(check.tooLarge());
      return;
    }
    byte[] bytes = line.toByteArray();
    if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
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
    byte[] withNewline = new byte[bytes.length + 1];
    System.arraycopy(bytes, 0, withNewline, 0, bytes.length);
    withNewline[bytes.length] = '\n';
    passed.offer(withNewline);
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
