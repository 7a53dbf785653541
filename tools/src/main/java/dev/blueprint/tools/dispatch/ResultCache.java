package dev.blueprint.tools.dispatch;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.blueprint.journal.git.GitCli;
import dev.blueprint.journal.git.Workspace;
import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.Task;
import dev.blueprint.tools.dispatch.agents.ModelChooser;
import dev.blueprint.tools.status.CacheEntry;
import dev.blueprint.tools.status.Event;
import dev.blueprint.tools.status.EventName;
import dev.blueprint.tools.status.Level;
import dev.blueprint.tools.status.Phase;
import dev.blueprint.tools.status.RunStore;
import dev.blueprint.tools.status.TaskFingerprint;
import java.time.Clock;
import java.util.Optional;

/**
 * The deterministic cache ({@code bp dispatch --cache}): a task whose spec, base tree and agent
 * (name and model) are unchanged since an attempt that succeeded and landed reuses that attempt's
 * result instead of running the agent. The result is the commit the attempt made on its worker
 * branch; a ref {@code refs/blueprint/cache/<fingerprint>} keeps it reachable after the branch is
 * deleted, so {@code git gc} cannot drop it.
 *
 * <p>Not part of the key: secret values, binding values and the blueprint's shell settings. A task
 * whose result depends on those should not be run with {@code --cache}.
 */
final class ResultCache {
  static final String REF_PREFIX = "refs/blueprint/cache/";

  private final RunStore store;
  private final GitCli git;
  private final Clock clock;

  ResultCache(RunStore store, GitCli git, Clock clock) {
    this.store = store;
    this.git = git;
    this.clock = clock;
  }

  /** The task's key in a workspace fresh from its base commit. */
  String fingerprint(Blueprint bp, Task task, String agent, Workspace ws) {
    String tree =
        git.runOrThrow(ws.dir(), "E_CACHE", "rev-parse", ws.baseCommit() + "^{tree}").strip();
    String model = ModelChooser.modelFor(bp, task, agent).orElse(null);
    return TaskFingerprint.of(task.raw(), tree, agent, model);
  }

  /**
   * Puts a remembered result into the workspace (index and files set to its tree, HEAD still the
   * base), or says there is none usable (never remembered, or its commit is gone).
   */
  Optional<CacheEntry> restore(String fingerprint, Workspace ws) {
    Optional<CacheEntry> hit = store.cached(fingerprint);
    if (hit.isEmpty()) {
      return Optional.empty();
    }
    GitCli.Result r = git.run(ws.dir(), "read-tree", "-u", "--reset", hit.get().commitId());
    if (!r.ok()) {
      // The commit is gone (its ref deleted and the object pruned): run the task instead.
      git.run(ws.dir(), "read-tree", "-u", "--reset", "HEAD");
      return Optional.empty();
    }
    return hit;
  }

  /** After a landing: remembers the worker branch's commit and pins it with a ref. */
  void remember(String fingerprint, Workspace ws, String runId, String taskId) {
    String commit = git.runOrThrow(ws.dir(), "E_CACHE", "rev-parse", "HEAD").strip();
    git.runOrThrow(ws.dir(), "E_CACHE", "update-ref", REF_PREFIX + fingerprint, commit);
    store.remember(fingerprint, runId, taskId, commit);
  }

  /**
   * Records that an attempt reused a remembered result: a {@code task.complete} event (BSF's name)
   * whose {@code data.state} is {@code cached}, so progress lines read "T1 cached".
   */
  void recordHit(String runId, String taskId, int attempt, CacheEntry hit) {
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.put("state", "cached");
    data.put("cached", true);
    data.put("attempt", attempt);
    data.put("fingerprint", hit.fingerprint());
    data.put("from_run", hit.runId());
    data.put("from_task", hit.taskId());
    data.put("commit", hit.commitId());
    store.record(
        Event.of(
            runId,
            EventName.TASK_COMPLETE,
            clock.instant(),
            Level.INFO,
            taskId,
            Phase.EXECUTION,
            "reused the result of run " + hit.runId() + " task " + hit.taskId(),
            data));
  }
}
