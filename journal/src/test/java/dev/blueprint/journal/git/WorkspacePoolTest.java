package dev.blueprint.journal.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspacePoolTest {
  @TempDir Path tmp;
  TestRepo repo;

  @BeforeEach
  void setUp() throws Exception {
    repo = TestRepo.create(tmp);
  }

  private WorkspacePool pool(int warm) {
    return new WorkspacePool(RepoLayout.find(repo.dir), repo.git, null, warm);
  }

  @Test
  void createsALinkedWorktreeOnItsOwnBranchFromAnOldBaseSharingObjects() throws Exception {
    String oldBase = repo.head();
    repo.write("new.txt", "newer\n");
    repo.git("add", ".");
    repo.git("commit", "-q", "-m", "newer");
    try (WorkspacePool pool = pool(0)) {
      Workspace ws = pool.acquire("run1", "T1", oldBase);
      assertThat(ws.dir())
          .isEqualTo(repo.dir.toRealPath().resolve(".blueprint/workspaces/run1-T1"));
      assertThat(ws.branch()).isEqualTo("refs/heads/bp/run1/T1");
      assertThat(repo.git.runOrThrow(ws.dir(), "E", "rev-parse", "HEAD").strip())
          .isEqualTo(oldBase);
      assertThat(repo.git.runOrThrow(ws.dir(), "E", "branch", "--show-current").strip())
          .isEqualTo("bp/run1/T1");
      assertThat(Files.exists(ws.dir().resolve("new.txt"))).isFalse();
      assertThat(Files.isRegularFile(ws.dir().resolve(".git")))
          .isTrue(); // a gitdir file, no copy of objects
      assertThat(Files.exists(ws.dir().resolve(".git/objects"))).isFalse();
      assertThat(repo.git("worktree", "list", "--porcelain")).contains(ws.dir().toString());
      assertThat(repo.git("status", "--porcelain")).isEmpty(); // .blueprint/ is ignored

      pool.release(ws, false);
      assertThat(Files.exists(ws.dir())).isFalse();
      assertThat(repo.tryGit("rev-parse", "--verify", "-q", "bp/run1/T1").ok()).isFalse();
      assertThat(repo.git("worktree", "list").lines().count()).isEqualTo(1);
    }
  }

  @Test
  void replacesWhatACrashedAttemptOfTheSameTaskLeftBehind() throws Exception {
    String oldBase = repo.head();
    try (WorkspacePool pool = pool(0)) {
      Workspace first = pool.acquire("run1", "T1", oldBase);
      Files.writeString(first.dir().resolve("half-done.txt"), "from the dead attempt\n");
      repo.git.runOrThrow(first.dir(), "E", "add", ".");
      repo.git.runOrThrow(first.dir(), "E", "commit", "-q", "-m", "dead attempt");
    }
    // the process died without releasing: directory, registration and branch are all still there,
    // and a git child killed mid ref update left the branch's lock
    Files.writeString(repo.dir.resolve(".git/refs/heads/bp/run1/T1.lock"), "");
    repo.write("new.txt", "newer\n");
    repo.git("add", ".");
    repo.git("commit", "-q", "-m", "newer");
    String newBase = repo.head();
    try (WorkspacePool pool = pool(0)) {
      Workspace again = pool.acquire("run1", "T1", newBase);
      assertThat(repo.git.runOrThrow(again.dir(), "E", "rev-parse", "HEAD").strip())
          .isEqualTo(newBase);
      assertThat(again.dir().resolve("half-done.txt")).doesNotExist();
      assertThat(again.dir().resolve("new.txt")).exists();
      assertThat(repo.git("worktree", "list").lines().count()).isEqualTo(2);
      assertThat(repo.dir.resolve(".git/refs/heads/bp/run1/T1.lock")).doesNotExist();
    }
  }

  @Test
  void copiesOnlyTheFilesListedInWorktreeInclude() throws Exception {
    repo.write(".env", "SECRET=1\n");
    repo.write("config/local.yml", "a: 1\n");
    repo.write("config/other.yml", "b: 2\n");
    repo.write("build/huge.bin", "junk\n");
    repo.write(".worktreeinclude", "# untracked files agents need\n.env\nconfig/local.*\n");
    try (WorkspacePool pool = pool(0)) {
      Workspace ws = pool.acquire("r", "T2", "HEAD");
      assertThat(Files.readString(ws.dir().resolve(".env"))).isEqualTo("SECRET=1\n");
      assertThat(Files.readString(ws.dir().resolve("config/local.yml"))).isEqualTo("a: 1\n");
      assertThat(Files.exists(ws.dir().resolve("config/other.yml"))).isFalse();
      assertThat(Files.exists(ws.dir().resolve("build/huge.bin"))).isFalse();
      assertThat(Files.exists(ws.dir().resolve(".worktreeinclude"))).isFalse();
    }
  }

  @Test
  void copiesNothingWithoutAnIncludeFile() throws Exception {
    repo.write(".env", "SECRET=1\n");
    try (WorkspacePool pool = pool(0)) {
      Workspace ws = pool.acquire("r", "T3", "HEAD");
      assertThat(Files.exists(ws.dir().resolve(".env"))).isFalse();
    }
  }

  @Test
  void prunesWorkspacesLeftByACrashedProcessAndKeepsBranchesWithWork() throws Exception {
    Workspace idle;
    Workspace worked;
    Workspace mine;
    try (WorkspacePool pool = pool(0)) {
      idle = pool.acquire("crashed", "idle", "HEAD");
      worked = pool.acquire("crashed", "worked", "HEAD");
      mine = pool.acquire("alive", "mine", "HEAD");
      Files.writeString(worked.dir().resolve("w.txt"), "work\n");
      repo.git.runOrThrow(worked.dir(), "E", "add", "w.txt");
      repo.git.runOrThrow(worked.dir(), "E", "commit", "-q", "-m", "work in progress");
    }
    // Simulate the crash: the owner files name a process that has exited.
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    for (Workspace ws : new Workspace[] {idle, worked}) {
      Path owner = ws.dir().resolveSibling(ws.name() + ".owner");
      new OwnerFile(gone.pid(), Instant.parse("2020-01-01T00:00:00Z"), ws.branch(), ws.baseCommit())
          .writeTo(owner);
    }
    try (WorkspacePool restarted = pool(0)) {
      WorkspacePool.PruneReport report = restarted.pruneStale();
      assertThat(report.removed()).containsExactly("crashed-idle", "crashed-worked");
      assertThat(report.keptBranches()).containsExactly("refs/heads/bp/crashed/worked");
    }
    assertThat(Files.exists(idle.dir())).isFalse();
    assertThat(Files.exists(worked.dir())).isFalse();
    assertThat(Files.exists(mine.dir())).isTrue();
    assertThat(repo.tryGit("rev-parse", "--verify", "-q", "bp/crashed/idle").ok()).isFalse();
    assertThat(repo.git("log", "-1", "--format=%s", "bp/crashed/worked"))
        .isEqualTo("work in progress");
    assertThat(repo.git("worktree", "list").lines().count()).isEqualTo(2);
  }

  @Test
  void manyThreadsAcquireAndReleaseAtOnceWithoutLosingOrLeakingAWorkspace() throws Exception {
    String base = repo.head();
    // 16 threads as the engine runs them; concurrent `git worktree add`s failed on a half-made
    // sibling ("failed to read .../commondir") before registration was serialised.
    int tasks = 64;
    ExecutorService threads = Executors.newFixedThreadPool(16);
    try (WorkspacePool pool = pool(2)) {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < tasks; i++) {
        String task = "T" + i;
        results.add(
            threads.submit(
                () -> {
                  Workspace ws = pool.acquire("par", task, base);
                  Files.writeString(ws.dir().resolve(task + ".txt"), task + "\n");
                  String head = repo.git.runOrThrow(ws.dir(), "E", "rev-parse", "HEAD").strip();
                  String branch =
                      repo.git.runOrThrow(ws.dir(), "E", "branch", "--show-current").strip();
                  try (var files = Files.list(ws.dir())) {
                    // exactly the base's tree plus this task's own file: nothing from another task
                    assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                        .doesNotContain(
                            java.util.stream.IntStream.range(0, tasks)
                                .mapToObj(n -> "T" + n + ".txt")
                                .filter(f -> !f.equals(task + ".txt"))
                                .toArray(String[]::new));
                  }
                  pool.release(ws, false);
                  return head + " " + branch;
                }));
      }
      for (int i = 0; i < tasks; i++) {
        assertThat(results.get(i).get()).isEqualTo(base + " bp/par/T" + i);
      }
      threads.shutdown();
      // every branch deleted; at most the two warm workspaces are still registered
      assertThat(repo.git("branch", "--list", "bp/par/*")).isEmpty();
      assertThat(repo.git("worktree", "list").lines().count()).isBetween(1L, 3L);
    }
    assertThat(repo.git("worktree", "list").lines().count()).isEqualTo(1);
    assertThat(repo.git("worktree", "list", "--porcelain")).doesNotContain("locked");
  }

  @Test
  void keepsDirectoryAndBranchWhenAskedAndReusesWarmWorkspaces() throws Exception {
    try (WorkspacePool pool = pool(1)) {
      Workspace kept = pool.acquire("r", "keep", "HEAD");
      pool.release(kept, true);
      assertThat(Files.exists(kept.dir())).isTrue();
      assertThat(repo.tryGit("rev-parse", "--verify", "-q", "bp/r/keep").ok()).isTrue();

      Workspace first = pool.acquire("r", "one", "HEAD");
      Files.writeString(first.dir().resolve("scratch.txt"), "left over\n");
      pool.release(first, false);
      assertThat(repo.git("worktree", "list")).contains(".warm-"); // parked, still registered
      assertThat(repo.tryGit("rev-parse", "--verify", "-q", "bp/r/one").ok()).isFalse();
      Workspace second = pool.acquire("r", "two", "HEAD");
      assertThat(second.dir().getFileName().toString()).isEqualTo("r-two");
      assertThat(first.dir()).doesNotExist(); // the warm one was moved, not copied
      assertThat(repo.git("worktree", "list").lines().count()).isEqualTo(3); // main, keep, two
      assertThat(second.branch()).isEqualTo("refs/heads/bp/r/two");
      assertThat(Files.exists(second.dir().resolve("scratch.txt"))).isFalse();
      assertThat(repo.git.runOrThrow(second.dir(), "E", "branch", "--show-current").strip())
          .isEqualTo("bp/r/two");
    }
  }

  @Test
  void aReusedWarmWorkspaceIsExactlyTheNewBasesTreeWithFreshIncludeCopies() throws Exception {
    repo.write(".gitignore", "build/\n");
    repo.write("keep.txt", "same in both\n");
    repo.write("changes.txt", "old\n");
    repo.write("goes.txt", "only in the old base\n");
    repo.git("add", "-A");
    repo.git("commit", "-q", "-m", "old base");
    String oldBase = repo.head();
    repo.git("rm", "-q", "goes.txt");
    repo.write("changes.txt", "new\n");
    repo.write("dir/comes.txt", "only in the new base\n");
    repo.git("add", "-A");
    repo.git("commit", "-q", "-m", "new base");
    String newBase = repo.head();
    repo.write(".env", "TOKEN=first\n");
    repo.write(".worktreeinclude", ".env\n");

    try (WorkspacePool pool = pool(1)) {
      Workspace first = pool.acquire("r", "T1", oldBase);
      Path d = first.dir();
      // Everything a task can leave behind: edits, staged and untracked files, ignored output,
      // an untracked nested repository, a changed include copy.
      Files.writeString(d.resolve("keep.txt"), "edited\n");
      Files.writeString(d.resolve("staged.txt"), "staged\n");
      repo.git.runOrThrow(d, "E", "add", "staged.txt");
      Files.createDirectories(d.resolve("untracked/deep"));
      Files.writeString(d.resolve("untracked/deep/x.txt"), "x\n");
      Files.createDirectories(d.resolve("build"));
      Files.writeString(d.resolve("build/out.class"), "ignored\n");
      repo.git.runOrThrow(d, "E", "init", "-q", "nested");
      Files.writeString(d.resolve(".env"), "TOKEN=edited by the task\n");
      Files.delete(d.resolve("goes.txt"));
      pool.release(first, false);
      repo.write(".env", "TOKEN=second\n");

      Workspace second = pool.acquire("r", "T2", newBase);
      Path w = second.dir();

      assertThat(repo.git.runOrThrow(w, "E", "rev-parse", "HEAD").strip()).isEqualTo(newBase);
      assertThat(repo.git.runOrThrow(w, "E", "branch", "--show-current").strip())
          .isEqualTo("bp/r/T2");
      // Nothing differs from the base, tracked or not, ignored or not, but the include copy.
      assertThat(repo.git.runOrThrow(w, "E", "status", "--porcelain", "--ignored").strip())
          .isEqualTo("?? .env");
      assertThat(filesUnder(w))
          .containsExactlyInAnyOrder(
              ".env", ".gitignore", "README.md", "changes.txt", "dir/comes.txt", "keep.txt");
      assertThat(Files.readString(w.resolve("changes.txt"))).isEqualTo("new\n");
      assertThat(Files.readString(w.resolve("keep.txt"))).isEqualTo("same in both\n");
      assertThat(Files.readString(w.resolve(".env"))).isEqualTo("TOKEN=second\n");
      assertThat(repo.git("diff", "--stat", newBase, "bp/r/T2")).isEmpty();
    }
  }

  @Test
  void aColdAcquireOfAnEarlierTaskNameNeverRemovesTheWorkspaceThatReusedItsDirectory()
      throws Exception {
    try (WorkspacePool pool = pool(1)) {
      Workspace first = pool.acquire("r", "T1", "HEAD");
      pool.release(first, false); // parked
      Workspace second = pool.acquire("r", "T2", "HEAD"); // reuses the parked directory
      Files.writeString(second.dir().resolve("work.txt"), "T2 at work\n");
      Workspace retry = pool.acquire("r", "T1", "HEAD"); // cold: nothing is parked

      assertThat(second.dir()).isNotEqualTo(retry.dir());
      assertThat(Files.readString(second.dir().resolve("work.txt"))).isEqualTo("T2 at work\n");
      assertThat(repo.git.runOrThrow(second.dir(), "E", "branch", "--show-current").strip())
          .isEqualTo("bp/r/T2");
      assertThat(repo.git.runOrThrow(retry.dir(), "E", "branch", "--show-current").strip())
          .isEqualTo("bp/r/T1");
      assertThat(repo.git("worktree", "list").lines().count()).isEqualTo(3);
    }
  }

  private static java.util.List<String> filesUnder(Path dir) throws Exception {
    try (var walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> dir.relativize(p).toString().replace('\\', '/'))
          .filter(p -> !p.equals(".git"))
          .toList();
    }
  }

  @Test
  void refusesRequestsForPathsOutsideTheWorkspace() throws Exception {
    try (WorkspacePool pool = pool(0)) {
      Workspace ws = pool.acquire("r", "T4", "HEAD");
      Files.createSymbolicLink(ws.dir().resolve("up"), repo.dir);
      assertThat(ws.resolve("src/Main.java"))
          .isEqualTo(ws.dir().toRealPath().resolve("src/Main.java"));
      assertThatThrownBy(() -> ws.resolve("../../README.md")).isInstanceOf(GitLayerException.class);
      assertThatThrownBy(() -> ws.resolve("up/README.md")).isInstanceOf(GitLayerException.class);
      assertThatThrownBy(() -> pool.acquire("../x", "T", "HEAD"))
          .isInstanceOf(GitLayerException.class);
    }
  }
}
