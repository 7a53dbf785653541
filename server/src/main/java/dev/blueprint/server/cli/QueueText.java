package dev.blueprint.server.cli;

import dev.blueprint.journal.git.QueueEntry;
import java.util.List;
import java.util.Map;

/** The text table of {@code bp queue}, for people. */
final class QueueText {
  private QueueText() {}

  static String render(String target, Map<String, Long> counts, List<QueueEntry> entries) {
    StringBuilder sb = new StringBuilder();
    sb.append("queue for ").append(target.replaceFirst("^refs/heads/", "")).append(": ");
    sb.append(counts.getOrDefault("pending", 0L) + counts.getOrDefault("landing", 0L))
        .append(" pending, ");
    sb.append(counts.getOrDefault("landed", 0L)).append(" landed, ");
    sb.append(counts.getOrDefault("rejected", 0L) + counts.getOrDefault("gate_failed", 0L))
        .append(" rejected");
    long other = counts.getOrDefault("failed", 0L) + counts.getOrDefault("unchanged", 0L);
    if (other > 0) {
      sb.append(", ").append(other).append(" failed or unchanged");
    }
    sb.append('\n');
    if (entries.isEmpty()) {
      return sb.toString();
    }
    sb.append(String.format("%-6s %-11s %-12s %s%n", "ID", "STATE", "COMMIT", "SUBJECT"));
    for (QueueEntry e : entries) {
      String commit = e.commit() == null ? "-" : e.commit().substring(0, 12);
      sb.append(String.format("%-6d %-11s %-12s %s", e.id(), e.state(), commit, e.subject()));
      if (e.trailers().task() != null) {
        sb.append("  [task ").append(e.trailers().task()).append(']');
      }
      if ((e.state().equals("rejected")) && !e.paths().isEmpty()) {
        sb.append("  conflicts: ").append(String.join(", ", e.paths()));
      } else if (e.state().equals("gate_failed") || e.state().equals("failed")) {
        String d =
            e.detail() == null ? "" : e.detail().strip().lines().reduce((a, b) -> b).orElse("");
        sb.append("  ").append(d);
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
