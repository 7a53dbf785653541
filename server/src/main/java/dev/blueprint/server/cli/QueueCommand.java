package dev.blueprint.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blueprint.journal.git.GitLayerException;
import dev.blueprint.journal.git.QueueEntry;
import dev.blueprint.journal.git.QueueOptions;
import dev.blueprint.journal.git.jgit.JGitCommitQueue;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bp queue}: the commit queue's pending, landed and rejected changes, newest first. */
@Command(
    name = "queue",
    description = "Show the commit queue: pending, landed and rejected changes.")
final class QueueCommand implements Callable<Integer> {

  @Option(
      names = {"-C", "--repo"},
      paramLabel = "DIR",
      description = "Run as if started in DIR.")
  Path dir = Path.of("");

  @Option(
      names = "--onto",
      paramLabel = "BRANCH",
      description = "The queue's branch (default: the checked-out one).")
  String onto;

  @Option(
      names = {"-n", "--limit"},
      description = "How many recent changes to list (default ${DEFAULT-VALUE}).")
  int limit = 30;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    List<QueueEntry> entries;
    Map<String, Long> counts;
    String target;
    try (JGitCommitQueue q =
        JGitCommitQueue.open(
            dir.toAbsolutePath().normalize(), QueueOptions.defaults().withTargetBranch(onto))) {
      entries = q.entries(limit);
      counts = q.counts();
      target = q.targetRef();
    } catch (GitLayerException e) {
      if (CommitCommand.USAGE_CODES.contains(e.code())) {
        throw new UsageException(e.getMessage(), e);
      }
      throw e;
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(new ObjectMapper().writeValueAsString(toJson(target, counts, entries)));
    } else {
      out.print(render(target, counts, entries));
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static Map<String, Object> toJson(
      String target, Map<String, Long> counts, List<QueueEntry> entries) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("schema_version", 1);
    m.put("target_ref", target);
    m.put("counts", counts);
    List<Map<String, Object>> list = new ArrayList<>();
    for (QueueEntry e : entries) {
      Map<String, Object> j = new LinkedHashMap<>();
      j.put("id", e.id());
      j.put("state", e.state());
      j.put("target_ref", e.targetRef());
      j.put("subject", e.subject());
      j.put("commit", e.commit());
      j.put("paths", e.paths());
      j.put("detail", e.detail());
      j.put("run", e.trailers().run());
      j.put("task", e.trailers().task());
      j.put("agent", e.trailers().agent());
      j.put("session_id", e.trailers().sessionId());
      j.put("submitted_at", e.submittedAt().toString());
      j.put("decided_at", e.decidedAt() == null ? null : e.decidedAt().toString());
      list.add(j);
    }
    m.put("entries", list);
    return m;
  }

  /** The text table, for people. */
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
