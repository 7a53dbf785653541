package dev.blueprint.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.blueprint.journal.git.Change;
import dev.blueprint.journal.git.GitLayerException;
import dev.blueprint.journal.git.LandOutcome;
import dev.blueprint.journal.git.QueueOptions;
import dev.blueprint.journal.git.Trailers;
import dev.blueprint.journal.git.jgit.JGitCommitQueue;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bp commit}: lands files (or a worker branch) through the repository's commit queue, so
 * many shells and agents can commit at once without racing on {@code .git/index.lock}.
 */
@Command(
    name = "commit",
    description =
        "Land changes on the current branch through the commit queue: safe from many shells"
            + " at once. Exit 0 landed, 1 rejected (conflict, gate) or nothing to commit.")
final class CommitCommand implements Callable<Integer> {
  /** Errors that are the caller's mistake, not the queue's. */
  static final Set<String> USAGE_CODES =
      Set.of(
          "E_NOT_A_REPO",
          "E_PATH_ESCAPES",
          "E_NO_SUCH_PATH",
          "E_NO_SUCH_BRANCH",
          "E_NO_MESSAGE",
          "E_PATH_GIT_DIR",
          "E_DETACHED_HEAD",
          "E_PATH_IS_DIRECTORY");

  @Option(
      names = {"-m", "--message"},
      description = "Commit message.")
  String message;

  @Parameters(
      paramLabel = "PATH",
      description = "Files or directories to commit (default: every changed file).")
  List<String> paths = new ArrayList<>();

  @Option(
      names = "--branch",
      paramLabel = "BRANCH",
      description = "Land this worker branch (squashed) instead of paths.")
  String branch;

  @Option(
      names = "--onto",
      paramLabel = "BRANCH",
      description = "Branch to land on (default: the checked-out one).")
  String onto;

  @Option(
      names = {"-C", "--repo"},
      paramLabel = "DIR",
      description = "Run as if started in DIR.")
  Path dir = Path.of("");

  @Option(names = "--run", description = "Blueprint-Run trailer.")
  String run;

  @Option(names = "--task", description = "Blueprint-Task trailer.")
  String task;

  @Option(names = "--agent", description = "Agent trailer.")
  String agent;

  @Option(names = "--session-id", description = "Session-Id trailer.")
  String sessionId;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description = "How long to wait for the change to land (default ${DEFAULT-VALUE}).")
  long timeoutSeconds = 600;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (branch == null && (message == null || message.isBlank())) {
      throw new UsageException("bp commit: -m MESSAGE is required when committing paths");
    }
    Path cwd = dir.toAbsolutePath().normalize();
    Trailers trailers = new Trailers(run, task, agent, sessionId);
    try (JGitCommitQueue queue =
        JGitCommitQueue.open(cwd, QueueOptions.defaults().withTargetBranch(onto))) {
      Change change =
          branch != null
              ? new Change.FromBranch(branch, message, trailers)
              : pathsChange(cwd, trailers);
      long id;
      try {
        id = queue.submit(change);
      } catch (GitLayerException e) {
        if (e.code().equals("E_NOTHING_TO_COMMIT")) {
          print(Map.of("state", "nothing_to_commit"), "nothing to commit");
          return ExitCodes.PROBLEM_FOUND;
        }
        throw e;
      }
      LandOutcome outcome = queue.await(id, Duration.ofSeconds(timeoutSeconds));
      Map<String, Object> out = describe(outcome, queue.targetRef());
      print(out, text(outcome, queue.targetRef()));
      return outcome instanceof LandOutcome.Landed || outcome instanceof LandOutcome.Unchanged
          ? ExitCodes.OK
          : ExitCodes.PROBLEM_FOUND;
    } catch (GitLayerException e) {
      if (USAGE_CODES.contains(e.code())) {
        throw new UsageException(e.getMessage(), e);
      }
      throw e;
    }
  }

  private Change pathsChange(Path cwd, Trailers trailers) throws IOException {
    Path root;
    try (Repository wt =
        new FileRepositoryBuilder().findGitDir(cwd.toFile()).setMustExist(true).build()) {
      root = wt.getWorkTree().toPath().toRealPath();
    } catch (IllegalArgumentException e) {
      throw new UsageException("not inside a git working tree: " + cwd);
    }
    List<String> relative = new ArrayList<>();
    for (String p : paths) {
      Path abs = cwd.toRealPath().resolve(p).normalize();
      relative.add(root.relativize(abs).toString());
    }
    return new Change.FromPaths(root, relative, message, trailers);
  }

  static Map<String, Object> describe(LandOutcome o, String targetRef) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("change_id", o.changeId());
    m.put("state", o.state());
    m.put("target_ref", targetRef);
    if (o instanceof LandOutcome.Landed l) {
      m.put("commit", l.commit());
    } else if (o instanceof LandOutcome.Rejected r) {
      m.put("conflict_paths", r.conflictPaths());
    } else if (o instanceof LandOutcome.GateFailed g) {
      m.put("exit_code", g.exitCode());
      m.put("output_tail", g.outputTail());
    } else if (o instanceof LandOutcome.Failed f) {
      m.put("code", f.code());
      m.put("message", f.message());
    }
    return m;
  }

  private static String text(LandOutcome o, String targetRef) {
    String branchName = targetRef.replaceFirst("^refs/heads/", "");
    if (o instanceof LandOutcome.Landed l) {
      return "landed change "
          + o.changeId()
          + " on "
          + branchName
          + " as "
          + l.commit().substring(0, 12);
    }
    if (o instanceof LandOutcome.Rejected r) {
      return "rejected change "
          + o.changeId()
          + ": conflicts with "
          + branchName
          + " in "
          + String.join(", ", r.conflictPaths());
    }
    if (o instanceof LandOutcome.GateFailed g) {
      return "rejected change "
          + o.changeId()
          + ": the gate exited "
          + g.exitCode()
          + "\n"
          + g.outputTail();
    }
    if (o instanceof LandOutcome.Failed f) {
      return "change " + o.changeId() + " failed: " + f.code() + " " + f.message();
    }
    return "change " + o.changeId() + " is already on " + branchName;
  }

  private void print(Map<String, Object> fields, String text) throws IOException {
    if (json) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("schema_version", 1);
      out.putAll(fields);
      spec.commandLine()
          .getOut()
          .println(
              new ObjectMapper()
                  .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                  .writeValueAsString(out));
    } else {
      spec.commandLine().getOut().println(text);
    }
    spec.commandLine().getOut().flush();
  }
}
