package dev.blueprint.journal.git;

import java.util.ArrayList;
import java.util.List;

/**
 * Who made a change: written as git trailers on the landed commit, so history says which run, task,
 * agent and session each commit came from. Any part may be null (unknown).
 */
public record Trailers(String run, String task, String agent, String sessionId) {

  public static final Trailers NONE = new Trailers(null, null, null, null);

  /** The trailer lines in a fixed order, only for the parts that are known. */
  public List<String> lines() {
    List<String> out = new ArrayList<>(4);
    add(out, "Blueprint-Run", run);
    add(out, "Blueprint-Task", task);
    add(out, "Agent", agent);
    add(out, "Session-Id", sessionId);
    return out;
  }

  /** The message with the trailer block appended after one blank line (none if no trailers). */
  public String appendTo(String message) {
    List<String> lines = lines();
    String body = message.strip();
    if (lines.isEmpty()) {
      return body + "\n";
    }
    return body + "\n\n" + String.join("\n", lines) + "\n";
  }

  private static void add(List<String> out, String key, String value) {
    if (value != null && !value.isBlank()) {
      out.add(key + ": " + value.strip().replace('\n', ' '));
    }
  }
}
