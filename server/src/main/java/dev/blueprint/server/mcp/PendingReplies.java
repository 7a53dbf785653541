package dev.blueprint.server.mcp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.Set;

/**
 * The requests a stdio client sent that the server has not answered yet. The gate adds each request
 * id it passes on; this stream, wrapped around stdout, removes an id when the reply to it goes out.
 * At the end of input the server waits for the set to empty before it closes, so {@code printf
 * '...' | bp serve} gets every answer.
 */
final class PendingReplies extends FilterOutputStream {
  private static final JsonFactory JSON = new JsonFactory();

  private final Set<String> ids = new HashSet<>();
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();

  PendingReplies(OutputStream out) {
    super(out);
  }

  synchronized void expect(String id) {
    ids.add(id);
  }

  /** Waits until every expected reply went out, or the time is up; true when none is left. */
  synchronized boolean awaitNone(long millis) throws InterruptedException {
    long end = System.currentTimeMillis() + millis;
    while (!ids.isEmpty()) {
      long left = end - System.currentTimeMillis();
      if (left <= 0) {
        return false;
      }
      wait(left);
    }
    return true;
  }

  @Override
  public synchronized void write(int b) throws IOException {
    out.write(b);
    if (b == '\n') {
      lineEnded();
    } else {
      line.write(b);
    }
  }

  /** Copies whole runs between newlines, since replies (a validate result) run to kilobytes. */
  @Override
  public synchronized void write(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
    int start = off;
    for (int i = off; i < off + len; i++) {
      if (b[i] == '\n') {
        line.write(b, start, i - start);
        lineEnded();
        start = i + 1;
      }
    }
    line.write(b, start, off + len - start);
  }

  private void lineEnded() {
    String id = replyId(line.toByteArray());
    line.reset();
    if (id != null && ids.remove(id)) {
      notifyAll();
    }
  }

  /**
   * The id of a reply (a message with {@code result} or {@code error}), read with a streaming
   * parser that stops as soon as it knows; null for requests and notifications.
   */
  static String replyId(byte[] message) {
    try (JsonParser p = JSON.createParser(message)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      String id = null;
      boolean reply = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        switch (name) {
          case "id" -> id = value.isScalarValue() ? p.getText() : null;
          case "result", "error" -> reply = true;
          case "method" -> {
            return null;
          }
          default -> {}
        }
        if (reply && id != null) {
          return id;
        }
        p.skipChildren();
      }
      return reply ? id : null;
    } catch (IOException e) {
      return null;
    }
  }
}
