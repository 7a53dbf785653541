package dev.blueprint.journal.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-worker workspaces: linked worktrees under {@code .blueprint/workspaces/}, each on branch
 * {@code bp/<run>/<task>} from a given base commit, sharing the repository's objects. Created with
 * {@code git worktree add} (JGit 7.8 cannot create linked worktrees, and its checkout measured
 * about 3x slower than git's), so a person's own git and IDE understand them.
 */
public final class WorkspacePool implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WorkspacePool.class);

  /** What start-up pruning did: workspaces removed, and branches kept because they hold work. */
  public record PruneReport(List<String> removed, List<String> keptBranches) {}

  private final RepoLayout layout;
  private final Repository repo;
  private final WorkspaceBranches branches;
  private final GitCli git;
  private final Path root;
  private final int maxWarm;
  private final Deque<Path> warm = new ArrayDeque<>();
  private int warmCounter;
  private int parking;

  /** Acquires waiting for the bookkeeping lock: while any wait, trees are filled outside it. */
  private final AtomicInteger arriving = new AtomicInteger();

  /**
   * @param root where workspaces go; null for {@code .blueprint/workspaces}
   * @param maxWarm how many released workspaces to keep for reuse (0: none)
   */
  public WorkspacePool(RepoLayout layout, GitCli git, Path root, int maxWarm) {
    if (layout.mainWorkTree() == null) {
      throw new GitLayerException(
          "E_BARE_REPO", "workspaces need a non-bare repository", layout.commonGitDir().toString());
    }
    this.layout = layout;
    this.git = git;
    this.maxWarm = maxWarm;
    this.root = root != null ? root : layout.ensureBlueprintDir().resolve("workspaces");
    try {
      Files.createDirectories(this.root);
    } catch (IOException e) {
      throw new GitLayerException(
          "E_WORKSPACE_ROOT", "cannot create " + this.root, this.root.toString(), e);
    }
    this.repo = layout.open();
    this.branches = new WorkspaceBranches(repo);
  }

  public static WorkspacePool open(Path repoDir, GitCli git) {
    return open(repoDir, git, 0);
  }

  /** A pool under the default root that keeps up to {@code maxWarm} released workspaces. */
  public static WorkspacePool open(Path repoDir, GitCli git, int maxWarm) {
    return new WorkspacePool(RepoLayout.find(repoDir), git, null, maxWarm);
  }

  public Path root() {
    return root;
  }

  /**
   * A workspace for {@code task} of {@code run} on a new branch from {@code baseCommit}. Safe to
   * call from many threads at once for different tasks. Git's worktree bookkeeping is not: a {@code
   * git worktree add} reads every other worktree's admin folder and fails on one that is half made
   * ("failed to read .../commondir"), so registering, moving and removing worktrees is serialised
   * here, while filling and emptying a work tree (the part that grows with the size of the tree)
   * runs outside the lock while other acquires wait for it. Serialising whole acquires had made
   * workspace creation the engine's throughput limit at 16 workers. An acquire nobody waits behind
   * does it all in one {@code git worktree add}, saving a process.
   */
  public Workspace acquire(String run, String task, String baseCommit) {
    String branch = Constants.R_HEADS + "bp/" + safe(run) + "/" + safe(task);
    String shortBranch = branch.substring(Constants.R_HEADS.length());
    ObjectId base = resolve(baseCommit);
    String name = safe(run) + "-" + safe(task);
    Path dir = root.resolve(name);
    Path reuse;
    boolean checkedOut = false;
    arriving.incrementAndGet();
    synchronized (this) {
      arriving.decrementAndGet();
      reuse = warm.pollFirst();
      // A new attempt of a task whose earlier attempt died (kill -9, even mid `git worktree add`)
      // finds that attempt's directory, registration or branch; the attempt is being redone, so
      // they are replaced. Forcing the branch to the base and --force also cover a branch an
      // orphaned git child recreated and a registration whose directory is gone. A git child
      // killed while updating the branch leaves its ref lock, which would make every later attempt
      // fail with "cannot lock ref"; nothing else ever writes this task's branch, so the lock is
      // stale.
      remove(dir);
      deleteQuietly(layout.commonGitDir().resolve(branch + ".lock"));
      if (reuse != null) {
        GitCli.Result m = move(reuse, dir);
        if (!m.ok()) {
          remove(reuse);
          throw new GitLayerException(
              "E_WORKSPACE_REUSE",
              "cannot reuse " + reuse + ": " + m.output().strip(),
              dir.toString());
        }
        deleteQuietly(ownerFileOf(reuse));
      }
      OwnerFile.ofCurrentProcess(branch, base.name()).writeTo(ownerFileOf(dir));
      if (reuse == null) {
        // With no other acquire waiting, one git process registers and fills the worktree (as a
        // plain `git worktree add` does); otherwise the tree is filled after the lock is let go,
        // so concurrent acquires check out in parallel. The second process costs 15-40 ms.
        checkedOut = arriving.get() == 0;
        // The branch is set here, in process, rather than with -B, for which git runs a `git
        // branch --force` child: one process fewer per workspace.
        try {
          branches.pointAt(branch, base);
        } catch (GitLayerException e) {
          remove(dir); // and its owner file
          throw e;
        }
        List<String> add = new ArrayList<>(List.of("worktree", "add", "--quiet", "--force"));
        if (!checkedOut) {
          add.add("--no-checkout");
        }
        add.addAll(List.of(dir.toString(), shortBranch));
        GitCli.Result r = git.run(layout.mainWorkTree(), add);
        if (!r.ok()) {
          remove(dir);
          throw new GitLayerException(
              "E_WORKSPACE_CREATE",
              "git worktree add failed: " + r.output().strip(),
              dir.toString());
        }
      }
    }
    if (reuse != null) {
      GitCli.Result r =
          git.run(dir, "switch", "--quiet", "--discard-changes", "-C", shortBranch, base.name());
      GitCli.Result c = r.ok() ? git.run(dir, "clean", "-ffdxq") : r;
      if (!r.ok() || !c.ok()) {
        discard(dir);
        throw new GitLayerException(
            "E_WORKSPACE_REUSE",
            "cannot reuse " + dir + ": " + r.output().strip() + c.output().strip(),
            dir.toString());
      }
    } else if (!checkedOut) {
      GitCli.Result r = git.run(dir, "reset", "--hard", "--quiet");
      if (!r.ok()) {
        discard(dir);
        throw new GitLayerException(
            "E_WORKSPACE_CREATE",
            "checkout into " + dir + " failed: " + r.output().strip(),
            dir.toString());
      }
    }
    Workspace ws = new Workspace(name, dir, branch, base.name());
    copyIncludes(ws);
    return ws;
  }

  /**
   * Gives a workspace back: removes its directory and branch, or keeps both when {@code keep}; with
   * warm reuse enabled the directory is kept (detached) for the next acquire.
   */
  public void release(Workspace ws, boolean keep) {
    if (keep) {
      deleteQuietly(ownerFileOf(ws.dir()));
      return;
    }
    Path parked = null;
    synchronized (this) {
      if (warm.size() + parking < maxWarm) {
        parking++; // a slot held while this workspace is readied outside the lock
        // Parked under a name no task can have (names never start with a dot), so a later
        // acquire of the same run and task never removes a warm workspace by its old name.
        parked = root.resolve(".warm-" + ProcessHandle.current().pid() + "-" + ++warmCounter);
      }
    }
    if (parked != null) {
      GitCli.Result r = git.run(ws.dir(), "switch", "--quiet", "--detach", "--discard-changes");
      synchronized (this) {
        parking--;
        GitCli.Result m = r.ok() ? move(ws.dir(), parked) : r;
        if (m.ok()) {
          moveOwnerFile(ws.dir(), parked);
          branches.delete(ws.branch());
          warm.addLast(parked);
          return;
        }
      }
    }
    discard(ws.dir());
    synchronized (this) {
      branches.delete(ws.branch());
    }
  }

  /**
   * Removes a workspace: its files outside the lock (the slow part), then its registration under
   * it. Until the registration goes, the folder still holds its {@code .git} file, so git never
   * sees a worktree without its admin data.
   */
  private void discard(Path dir) {
    try (var entries = Files.list(dir)) {
      for (Path p : (Iterable<Path>) entries::iterator) {
        if (!p.getFileName().toString().equals(".git")) {
          deleteTree(p);
        }
      }
    } catch (IOException e) {
      LOG.debug("could not empty {} before removing it: {}", dir, e.getMessage());
    }
    synchronized (this) {
      remove(dir);
    }
  }

  /**
   * Finds workspaces whose owner process is gone (a crash) and removes them; their branches are
   * deleted too unless they hold commits beyond their base, which are kept and reported.
   */
  public synchronized PruneReport pruneStale() {
    List<String> removed = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    List<Path> owners;
    try (Stream<Path> s = Files.list(root)) {
      owners = s.filter(p -> p.getFileName().toString().endsWith(".owner")).sorted().toList();
    } catch (IOException e) {
      throw new GitLayerException("E_WORKSPACE_ROOT", "cannot list " + root, root.toString(), e);
    }
    for (Path ownerFile : owners) {
      Optional<OwnerFile> owner = OwnerFile.read(ownerFile);
      if (owner.isPresent() && owner.get().ownerAlive()) {
        continue;
      }
      String fileName = ownerFile.getFileName().toString();
      Path dir = root.resolve(fileName.substring(0, fileName.length() - ".owner".length()));
      remove(dir);
      removed.add(dir.getFileName().toString());
      owner.ifPresent(
          o -> {
            if (branches.hasWork(o)) {
              kept.add(o.branch());
            } else {
              branches.delete(o.branch());
            }
          });
      deleteQuietly(ownerFile);
    }
    git.run(layout.mainWorkTree(), "worktree", "prune");
    if (!removed.isEmpty()) {
      LOG.info(
          "pruned {} stale workspace(s) {}; kept branches with work: {}",
          removed.size(),
          removed,
          kept);
    }
    return new PruneReport(removed, kept);
  }

  /**
   * Points a warm workspace at a new base: moved to the task's name, switched to the new branch
   * (git rewrites only the files that differ between the two commits), then every untracked and
   * ignored file is removed, so the tree is exactly the base's; the include files are copied
   * afresh.
   */
  private GitCli.Result move(Path from, Path to) {
    return git.run(layout.mainWorkTree(), "worktree", "move", from.toString(), to.toString());
  }

  private static void moveOwnerFile(Path from, Path to) {
    try {
      Files.move(ownerFileOf(from), ownerFileOf(to), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // Without its owner file a parked workspace is not pruned after a crash; it is removed
      // when this pool closes, or reused.
      LOG.debug("could not move {}: {}", ownerFileOf(from), e.getMessage());
    }
  }

  private void copyIncludes(Workspace ws) {
    WorktreeInclude include = WorktreeInclude.read(layout.mainWorkTree());
    if (!include.isEmpty()) {
      include.copy(layout.mainWorkTree(), ws.dir());
    }
  }

  private void remove(Path dir) {
    if (Files.exists(dir)) {
      GitCli.Result r =
          git.run(
              layout.mainWorkTree(), "worktree", "remove", "--force", "--force", dir.toString());
      if (!r.ok()) {
        deleteTree(dir);
        git.run(layout.mainWorkTree(), "worktree", "prune");
      }
    }
    deleteQuietly(ownerFileOf(dir));
  }

  private ObjectId resolve(String commitish) {
    try {
      ObjectId id = repo.resolve(commitish + "^{commit}");
      if (id == null) {
        throw new GitLayerException("E_NO_SUCH_COMMIT", "no such commit: " + commitish, commitish);
      }
      return id;
    } catch (IOException e) {
      throw new GitLayerException("E_NO_SUCH_COMMIT", "cannot resolve " + commitish, commitish, e);
    }
  }

  private static Path ownerFileOf(Path dir) {
    return dir.resolveSibling(dir.getFileName() + ".owner");
  }

  /**
   * Keeps names usable in a ref and a directory: letters, digits, '.', '_' and '-' (others become
   * '-'); a name that could climb or hide (separators, "..", a leading dot) is refused.
   */
  static String safe(String s) {
    if (s == null || s.contains("/") || s.contains("\\") || s.contains("..") || s.startsWith(".")) {
      throw new GitLayerException(
          "E_BAD_NAME", "not usable as a workspace name: " + s, String.valueOf(s));
    }
    String t = s.replaceAll("[^A-Za-z0-9._-]", "-").replaceAll("^-+", "");
    if (t.isEmpty() || t.endsWith(".lock")) {
      throw new GitLayerException("E_BAD_NAME", "not usable as a workspace name: " + s, s);
    }
    return t;
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // a leftover owner file is pruned on the next start
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(WorkspacePool::deleteQuietly);
    } catch (IOException ignored) {
      // best effort; git worktree prune forgets it either way
    }
  }

  @Override
  public synchronized void close() {
    for (Path dir : warm) {
      remove(dir);
    }
    warm.clear();
    repo.close();
  }
}
