package dev.blueprint.server.mcp;

import dev.blueprint.journal.git.Change;
import dev.blueprint.journal.git.CommitQueue;
import dev.blueprint.journal.git.GitLayerException;
import dev.blueprint.journal.git.LandOutcome;
import dev.blueprint.journal.git.Trailers;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code commit} tool: an agent working in the served checkout lands its files through the
 * repository's commit queue, so it never races other agents or {@code bp commit} on the index.
 */
final class CommitTool {
  static final String NAME = "commit";

  /** Below the clients' usual request timeouts; the change stays queued if this runs out. */
  private static final Duration WAIT = Duration.ofMinutes(5);

  private final RepositoryRoot root;
  private final RepositoryQueue queue;

  CommitTool(RepositoryRoot root, RepositoryQueue queue) {
    this.root = root;
    this.queue = queue;
  }

  static Tool definition() {
    return Tool.builder()
        .name(NAME)
        .title("Commit through the queue")
        .description(
            "Commit files on the current branch through blueprint's commit queue (safe while"
                + " other agents commit). Rejected on conflict with the files that clash.")
        .inputSchema(ToolSchemas.load("commit.input"))
        .outputSchema(ToolSchemas.load("commit.output"))
        .build();
  }

  CallToolResult call(ToolCall call) {
    ToolArguments args = call.args();
    String message = args.string("message");
    if (message == null) {
      throw ToolReplies.invalidParams("argument 'message' is required");
    }
    List<String> paths = paths(args.values().get("paths"));
    try {
      CommitQueue q = queue.get();
      String branch = queue.targetRef().replaceFirst("^refs/heads/", "");
      long id;
      try {
        id = q.submit(new Change.FromPaths(root.dir(), paths, message, trailers(call)));
      } catch (GitLayerException e) {
        if (e.code().equals("E_NOTHING_TO_COMMIT")) {
          Map<String, Object> out = top("nothing_to_commit");
          out.put("branch", branch);
          return ToolReplies.problem(out, "nothing to commit: no changes in the given paths");
        }
        throw e;
      }
      return reply(q.await(id, WAIT), branch);
    } catch (GitLayerException e) {
      Map<String, Object> out = top("failed");
      out.put("code", e.code());
      out.put("message", e.getMessage());
      return ToolReplies.problem(out, "commit failed: " + e.code() + " " + e.getMessage());
    }
  }

  /** Names the client in an Agent trailer, so the log shows which agent committed. */
  private static Trailers trailers(ToolCall call) {
    var info = call.exchange() == null ? null : call.exchange().getClientInfo();
    return info == null ? Trailers.NONE : new Trailers(null, null, info.name(), null);
  }

  private static List<String> paths(Object value) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw ToolReplies.invalidParams("argument 'paths' must be an array of strings");
    }
    List<String> out = new ArrayList<>();
    for (Object o : list) {
      if (!(o instanceof String s) || s.isBlank()) {
        throw ToolReplies.invalidParams("argument 'paths' must be an array of strings");
      }
      out.add(s);
    }
    return out;
  }

  private static CallToolResult reply(LandOutcome outcome, String branch) {
    Map<String, Object> out = top(outcome.state());
    out.put("change_id", outcome.changeId());
    out.put("branch", branch);
    if (outcome instanceof LandOutcome.Landed l) {
      out.put("commit", l.commit());
      return ToolReplies.ok(out, "landed on " + branch + " as " + l.commit().substring(0, 12));
    }
    if (outcome instanceof LandOutcome.Unchanged) {
      return ToolReplies.ok(out, "already on " + branch + ": nothing new to land");
    }
    String text;
    if (outcome instanceof LandOutcome.Rejected r) {
      out.put("conflict_paths", r.conflictPaths());
      text =
          "rejected: conflicts with "
              + branch
              + " in "
              + String.join(", ", r.conflictPaths())
              + ". Update those files from the branch and commit again.";
    } else if (outcome instanceof LandOutcome.GateFailed g) {
      out.put("code", "E_GATE_FAILED");
      out.put("message", g.outputTail());
      text = "rejected: the gate exited " + g.exitCode() + "\n" + g.outputTail();
    } else {
      LandOutcome.Failed f = (LandOutcome.Failed) outcome;
      out.put("code", f.code());
      out.put("message", f.message());
      text = "commit failed: " + f.code() + " " + f.message();
    }
    return ToolReplies.problem(out, text);
  }

  private static Map<String, Object> top(String state) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("schema_version", 1);
    out.put("state", state);
    return out;
  }
}
