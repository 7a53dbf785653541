package dev.blueprint.tools.status;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * What a failed step printed and how long it ran. stdout and stderr keep at most {@link #CAP_BYTES}
 * bytes each (the end of the output, where the failure usually is).
 *
 * @param exitCode null when the process never exited on its own (timeout, not started)
 * @param durationMillis BSF {@code duration}, in milliseconds; null when nothing ran
 */
public record ErrorDetails(
    Integer exitCode, String stdout, String stderr, @JsonProperty("duration") Long durationMillis) {
  /** BSF caps captured output at 10 KB. */
  public static final int CAP_BYTES = 10 * 1024;

  public ErrorDetails {
    stdout = capTail(stdout);
    stderr = capTail(stderr);
  }

  public static ErrorDetails of(Integer exitCode, String stdout, String stderr, Duration d) {
    return new ErrorDetails(exitCode, stdout, stderr, d == null ? null : d.toMillis());
  }

  /** The last {@link #CAP_BYTES} bytes of the text, cut on a character boundary. */
  static String capTail(String text) {
    if (text == null) {
      return null;
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= CAP_BYTES) {
      return text;
    }
    int start = bytes.length - CAP_BYTES;
    // Skip UTF-8 continuation bytes so the cut never splits a character.
    while (start < bytes.length && (bytes[start] & 0xC0) == 0x80) {
      start++;
    }
    return new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
  }
}
