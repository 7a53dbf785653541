package dev.blueprint.journal.git.jgit;

import dev.blueprint.journal.git.Change;
import dev.blueprint.journal.git.CommitQueue;
import dev.blueprint.journal.git.GitLayerException;
import dev.blueprint.journal.git.LandOutcome;
import dev.blueprint.journal.git.QueueEntry;
import dev.blueprint.journal.git.QueueOptions;
import dev.blueprint.journal.git.RepoLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commit queue on JGit and SQLite. Any number of queues (threads, processes) may share one
 * repository: submits are database inserts; landing happens only while holding {@link WriterLock},
 * and whoever holds it lands everything pending, so waiting submitters usually find their change
 * already decided.
 *
 * <p>Crash safety: the landing commit is written to the object store, then recorded as "landing"
 * with the tip it expects, then the ref moves by compare-and-set, then the change is marked landed.
 * A writer that finds a "landing" row knows its predecessor died: if the branch contains the
 * recorded commit the change landed, otherwise it goes back to pending.
 */
public final class JGitCommitQueue implements CommitQueue {
  private static final Logger LOG = LoggerFactory.getLogger(JGitCommitQueue.class);
  private static final int BATCH = 256;

  private final RepoLayout layout;
  private final Repository repo;
  private final QueueStore store;
  private final WriterLock lock;
  private final TargetBranch branch;
  private final String targetRef;
  private final PersonIdent committer;
  private final QueueOptions options;
  private final ChangeCapture capture;
  private final ChangeLander lander;
  private final GateRunner gate;
  private final WriterLock checkoutLock;
  private final CheckoutSync checkout;

  private JGitCommitQueue(RepoLayout layout, QueueOptions options) {
    this.layout = layout;
    this.options = options;
    Path dir = layout.ensureBlueprintDir();
    this.repo = layout.open();
    this.store = new QueueStore(dir.resolve("queue.db"));
    this.lock = new WriterLock(dir.resolve("queue.lock"));
    this.branch = new TargetBranch(repo, layout, options.targetBranch());
    this.targetRef = branch.ref();
    this.committer = options.committer() != null ? options.committer() : new PersonIdent(repo);
    this.capture = new ChangeCapture(repo);
    this.lander = new ChangeLander(repo, committer);
    this.gate = new GateRunner(layout, options);
    this.checkoutLock = new WriterLock(dir.resolve("checkout.lock"));
    this.checkout = new CheckoutSync(repo, store);
  }

  /** Opens the queue of the repository containing {@code dir}. */
  public static JGitCommitQueue open(Path dir, QueueOptions options) {
    return new JGitCommitQueue(RepoLayout.find(dir), options);
  }

  /** The full name of the branch this queue lands on. */
  public String targetRef() {
    return targetRef;
  }

  @Override
  public long submit(Change change) {
    PersonIdent author = new PersonIdent(committer, Instant.now());
    ChangeCapture.Captured c = capture.capture(change, targetRef, author);
    if (c.record().kind().equals("paths") && c.edits().isEmpty()) {
      throw new GitLayerException(
          "E_NOTHING_TO_COMMIT",
          "no changes in the given paths",
          String.join(" ", ((Change.FromPaths) change).paths()));
    }
    return store.insert(c.record(), c.edits());
  }

  @Override
  public LandOutcome await(long changeId, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      QueueRecord r =
          store
              .get(changeId)
              .orElseThrow(
                  () ->
                      new GitLayerException(
                          "E_NO_SUCH_CHANGE", "no change " + changeId, targetRef));
      LandOutcome decided = QueueRecords.outcome(r);
      if (decided != null) {
        return decided;
      }
      if (System.nanoTime() > deadline) {
        throw new GitLayerException(
            "E_QUEUE_TIMEOUT", "change " + changeId + " was not decided in " + timeout, targetRef);
      }
      boolean landed = false;
      try (WriterLock.Held held = lock.tryAcquire(20)) {
        // The previous writer has usually landed this change already: look before draining.
        if (held != null && QueueRecords.outcome(store.get(changeId).orElseThrow()) == null) {
          drainHeld();
          landed = true;
        }
      }
      if (landed) {
        syncCheckout();
      }
    }
  }

  @Override
  public List<LandOutcome> drain() {
    while (true) {
      List<LandOutcome> outcomes = null;
      try (WriterLock.Held held = lock.tryAcquire(1000)) {
        if (held != null) {
          outcomes = drainHeld();
        }
      }
      if (outcomes != null) {
        syncCheckout();
        return outcomes;
      }
    }
  }

  @Override
  public List<QueueEntry> entries(int limit) {
    List<QueueEntry> out = new ArrayList<>();
    for (QueueRecord r : store.recent(limit)) {
      out.add(QueueRecords.entry(r));
    }
    return out;
  }

  @Override
  public java.util.Map<String, Long> counts() {
    return store.counts();
  }

  private List<LandOutcome> drainHeld() {
    List<LandOutcome> outcomes = new ArrayList<>();
    try {
      ObjectId startTip = branch.tip();
      ObjectId recoveredFrom = recover(startTip);
      if (options.syncCheckout()) {
        // The checkout matches the tip before the first landing (or a recovered one).
        checkout.initialiseIfAbsent(recoveredFrom != null ? recoveredFrom : startTip);
      }
      List<QueueRecord> pending = new ArrayList<>();
      for (QueueRecord r : store.inState("pending", BATCH)) {
        if (r.targetRef().equals(targetRef)) {
          pending.add(r); // another branch's queue lands the others
        }
      }
      if (options.gate().isEmpty()) {
        outcomes.addAll(landBatch(pending));
      } else {
        // With a gate every landed tree is tested, so each change moves the branch on its own.
        for (QueueRecord r : pending) {
          outcomes.add(landOne(r));
        }
      }
      return outcomes;
    } catch (IOException e) {
      throw new GitLayerException("E_QUEUE_IO", "landing failed: " + e.getMessage(), targetRef, e);
    }
  }

  /**
   * Brings the main checkout up to the tip, outside the writer role so the next batch can land
   * while the index (the slow part: every entry is rewritten) is written. One process at a time
   * holds {@code checkout.lock} and syncs until the checkout has caught up, coalescing batches;
   * others return at once, and the holder looks again after releasing so no tip is missed.
   */
  private void syncCheckout() {
    try {
      if (!options.syncCheckout() || !branch.isCheckedOut()) {
        return;
      }
      while (true) {
        try (WriterLock.Held held = checkoutLock.tryAcquire(0)) {
          if (held == null) {
            return;
          }
          for (int round = 0; round < 100; round++) {
            ObjectId to = branch.tip();
            ObjectId from = checkout.lastSynced(to);
            if (to == null || to.equals(from)) {
              break;
            }
            checkout.clearLockLeftByCrash();
            if (checkout.sync(from, to).indexLocked()) {
              return; // a person's git holds the index; the next landing tries again
            }
          }
        }
        ObjectId to = branch.tip();
        if (to == null || to.equals(checkout.lastSynced(to))) {
          return;
        }
      }
    } catch (IOException e) {
      LOG.warn("the checkout was not refreshed: {}", e.getMessage());
    }
  }

  /**
   * Finishes a landing interrupted by a crash. Returns the tip before a recovered landing (the
   * checkout may not have seen it yet), or null.
   */
  private ObjectId recover(ObjectId tip) throws IOException {
    ObjectId before = null;
    for (QueueRecord r : store.inState("landing", BATCH)) {
      ObjectId intended = ObjectId.fromString(r.newCommit());
      if (tip != null && branch.isAncestor(intended, tip)) {
        store.decide(r.id(), "landed", intended.name(), null, null, null, null);
        LOG.info("recovered change {}: it had landed as {}", r.id(), intended.name());
        if (before == null && r.expectedOld() != null) {
          before = ObjectId.fromString(r.expectedOld());
        }
      } else {
        branch.removeStaleRefLock();
        store.backToPending(r.id());
        LOG.info("recovered change {}: it had not landed, landing it again", r.id());
      }
    }
    return before;
  }

  private LandOutcome landOne(QueueRecord r) throws IOException {
    for (int attempt = 0; attempt < 20; attempt++) {
      ObjectId tip = branch.tip();
      LandingPlan plan = lander.plan(r, store.edits(r.id()), tip);
      if (plan instanceof LandingPlan.Conflict c) {
        store.decide(
            r.id(),
            "rejected",
            null,
            "E_CONFLICT",
            null,
            String.join("\n", c.paths()),
            "conflicts with " + TargetBranch.shortName(tip));
        return new LandOutcome.Rejected(r.id(), c.paths());
      }
      if (plan instanceof LandingPlan.NoChange) {
        store.decide(
            r.id(),
            "unchanged",
            null,
            null,
            null,
            null,
            "already on " + TargetBranch.shortName(tip));
        return new LandOutcome.Unchanged(r.id());
      }
      if (plan instanceof LandingPlan.Impossible i) {
        store.decide(r.id(), "failed", null, i.code(), null, null, i.message());
        return new LandOutcome.Failed(r.id(), i.code(), i.message());
      }
      LandingPlan.NewCommit n = (LandingPlan.NewCommit) plan;
      if (!options.gate().isEmpty()) {
        GateRunner.Result g = gate.run(n.commit());
        if (g.exitCode() != 0) {
          store.decide(
              r.id(), "gate_failed", null, "E_GATE_FAILED", g.exitCode(), null, g.outputTail());
          return new LandOutcome.GateFailed(r.id(), g.exitCode(), g.outputTail());
        }
      }
      store.markLanding(r.id(), tip, n.commit());
      RefUpdate.Result result = branch.compareAndSet(tip, n.commit(), firstLine(r));
      if (result == RefUpdate.Result.FAST_FORWARD
          || result == RefUpdate.Result.NEW
          || result == RefUpdate.Result.FORCED) {
        store.decide(r.id(), "landed", n.commit().name(), null, null, null, null);
        return new LandOutcome.Landed(r.id(), n.commit().name());
      }
      // The branch moved under us (a person's commit): replay onto the new tip.
      store.backToPending(r.id());
      LOG.debug("ref update {} for change {}; retrying", result, r.id());
    }
    store.decide(
        r.id(),
        "failed",
        null,
        "E_REF_CONTENDED",
        null,
        null,
        "the branch kept moving while landing");
    return new LandOutcome.Failed(
        r.id(), "E_REF_CONTENDED", "the branch kept moving while landing");
  }

  /**
   * Lands changes as a chain on the tip with one ref update: each change is replayed onto the
   * previous one's commit, conflicting ones are left out. The decisions are recorded only after the
   * ref moved; if it moved under us, the whole batch is replayed onto the new tip.
   */
  private List<LandOutcome> landBatch(List<QueueRecord> rows) throws IOException {
    for (int attempt = 0; attempt < 20; attempt++) {
      ObjectId tip = branch.tip();
      ObjectId cursor = tip;
      List<LandOutcome> outcomes = new ArrayList<>();
      List<QueueStore.Decision> decisions = new ArrayList<>();
      List<java.util.Map.Entry<Long, ObjectId>> chain = new ArrayList<>();
      for (QueueRecord r : rows) {
        LandingPlan plan = lander.plan(r, store.edits(r.id()), cursor);
        if (plan instanceof LandingPlan.NewCommit n) {
          chain.add(java.util.Map.entry(r.id(), n.commit()));
          cursor = n.commit();
          outcomes.add(new LandOutcome.Landed(r.id(), n.commit().name()));
          decisions.add(
              new QueueStore.Decision(r.id(), "landed", n.commit().name(), null, null, null, null));
        } else {
          LandOutcome o = QueueRecords.notLanded(r.id(), plan);
          outcomes.add(o);
          decisions.add(QueueRecords.decisionFor(o, cursor));
        }
      }
      if (!chain.isEmpty()) {
        store.markLanding(chain, tip);
        RefUpdate.Result result =
            branch.compareAndSet(
                tip,
                cursor,
                firstLine(rows.get(0))
                    + (chain.size() > 1 ? " (+" + (chain.size() - 1) + ")" : ""));
        if (result != RefUpdate.Result.FAST_FORWARD
            && result != RefUpdate.Result.NEW
            && result != RefUpdate.Result.FORCED) {
          for (java.util.Map.Entry<Long, ObjectId> e : chain) {
            store.backToPending(e.getKey());
          }
          LOG.debug("ref update {} for a batch of {}; replaying", result, chain.size());
          continue;
        }
      }
      store.decide(decisions);
      return outcomes;
    }
    List<LandOutcome> failed = new ArrayList<>();
    for (QueueRecord r : rows) {
      store.decide(
          r.id(),
          "failed",
          null,
          "E_REF_CONTENDED",
          null,
          null,
          "the branch kept moving while landing");
      failed.add(
          new LandOutcome.Failed(
              r.id(), "E_REF_CONTENDED", "the branch kept moving while landing"));
    }
    return failed;
  }

  private static String firstLine(QueueRecord r) {
    String m = r.message() == null ? r.sourceBranch() : r.message();
    return m == null ? "" : Arrays.stream(m.split("\n")).findFirst().orElse("");
  }

  @Override
  public void close() {
    store.close();
    repo.close();
  }
}
