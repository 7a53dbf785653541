package dev.blueprint.journal.git.jgit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blueprint.journal.git.Change;
import dev.blueprint.journal.git.GitLayerException;
import dev.blueprint.journal.git.LandOutcome;
import dev.blueprint.journal.git.QueueEntry;
import dev.blueprint.journal.git.TestRepo;
import dev.blueprint.journal.git.Trailers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JGitCommitQueueTest {
  @TempDir Path tmp;
  TestRepo repo;

  @BeforeEach
  void setUp() throws Exception {
    repo = TestRepo.create(tmp);
  }

  private Change.FromPaths paths(String message, String... paths) {
    return new Change.FromPaths(repo.dir, List.of(paths), message, Trailers.NONE);
  }

  @Test
  void landsPathsWithTrailersAndLeavesTheCheckoutClean() throws Exception {
    repo.write("src/a.txt", "a\n");
    repo.write("README.md", "hello again\n");
    try (JGitCommitQueue q = JGitCommitQueue.open(repo.dir, repo.options())) {
      LandOutcome o =
          q.land(
              new Change.FromPaths(
                  repo.dir,
                  List.of("src/a.txt", "README.md"),
                  "Add a",
                  new Trailers("RUN1", "T1", "claude", "sess-9")));
      assertThat(o).isInstanceOf(LandOutcome.Landed.class);
      assertThat(((LandOutcome.Landed) o).commit()).isEqualTo(repo.head());
    }
    assertThat(repo.git("log", "-1", "--format=%B"))
        .isEqualTo(
            "Add a\n\nBlueprint-Run: RUN1\nBlueprint-Task: T1\nAgent: claude\nSession-Id: sess-9");
    assertThat(repo.git("show", "HEAD:src/a.txt")).isEqualTo("a");
    assertThat(repo.git("status", "--porcelain")).isEmpty();
    assertThat(repo.git("check-ignore", ".blueprint/queue.db")).isEqualTo(".blueprint/queue.db");
  }

  @Test
  void rejectsTheSecondOfTwoConflictingChangesAndLeavesBranchAndIndexUntouched() throws Exception {
    repo.write("shared.txt", "line\n");
    repo.git("add", "shared.txt");
    repo.git("commit", "-q", "-m", "shared");
    String base = repo.head();
    // Two agents edit the same line from the same base: capture both before either lands.
    try (JGitCommitQueue q = JGitCommitQueue.open(repo.dir, repo.options())) {
      repo.write("shared.txt", "first agent\n");
      long first = q.submit(paths("first", "shared.txt"));
      repo.write("shared.txt", "second agent\n");
      repo.write("other.txt", "x\n");
      long second = q.submit(paths("second", "shared.txt", "other.txt"));
      repo.write("shared.txt", "first agent\n"); // the checkout matches the first change again
      Files.delete(repo.dir.resolve("other.txt"));
      String indexBefore = repo.git("ls-files", "-s");

      assertThat(q.await(first, Duration.ofSeconds(30))).isInstanceOf(LandOutcome.Landed.class);
      String tipAfterFirst = repo.head();
      LandOutcome o = q.await(second, Duration.ofSeconds(30));
      assertThat(o).isEqualTo(new LandOutcome.Rejected(second, List.of("shared.txt")));
      assertThat(repo.head()).isEqualTo(tipAfterFirst);
      assertThat(repo.git("rev-list", "--count", base + "..main")).isEqualTo("1");
      assertThat(repo.git("ls-files", "-s"))
          .isEqualTo(indexBefore.replace(blob("line\n"), blob("first agent\n")));
      assertThat(repo.git("status", "--porcelain")).isEmpty();
      List<QueueEntry> entries = q.entries(10);
      assertThat(entries.get(0).state()).isEqualTo("rejected");
      assertThat(entries.get(0).paths()).containsExactly("shared.txt");
    }
  }

  private String blob(String content) throws Exception {
    Path f = Files.writeString(tmp.resolve("blob.tmp"), content);
    return repo.git("hash-object", f.toString());
  }

  @Test
  void mergesEditsToDifferentPartsOfTheSameFile() throws Exception {
    repo.write("f.txt", "1\n2\n3\n4\n5\n6\n7\n8\n");
    repo.git("add", "f.txt");
    repo.git("commit", "-q", "-m", "f");
    try (JGitCommitQueue q = JGitCommitQueue.open(repo.dir, repo.options())) {
      repo.write("f.txt", "one\n2\n3\n4\n5\n6\n7\n8\n");
      long a = q.submit(paths("top", "f.txt"));
      repo.write("f.txt", "1\n2\n3\n4\n5\n6\n7\neight\n");
      long b = q.submit(paths("bottom", "f.txt"));
      assertThat(q.await(a, Duration.ofSeconds(30))).isInstanceOf(LandOutcome.Landed.class);
      assertThat(q.await(b, Duration.ofSeconds(30))).isInstanceOf(LandOutcome.Landed.class);
    }
    assertThat(repo.git("show", "main:f.txt")).isEqualTo("one\n2\n3\n4\n5\n6\n7\neight");
    // The checkout held the second agent's version: neither old nor new tip, so it is kept.
    assertThat(repo.read("f.txt")).isEqualTo("1\n2\n3\n4\n5\n6\n7\neight\n");
  }

  @Test
  void neverOverwritesUncommittedEditsOfAPersonInTheMainCheckout() throws Exception {
    repo.write("notes.txt", "v1\n");
    repo.write("code.txt", "c1\n");
    repo.git("add", ".");
    repo.git("commit", "-q", "-m", "two files");
    // A worker branch changes both files; meanwhile a person edits notes.txt without committing.
    repo.git("branch", "bp/r/t1");
    Path wt = tmp.resolve("wt");
    repo.git("worktree", "add", "-q", wt.toString(), "bp/r/t1");
    Files.writeString(wt.resolve("notes.txt"), "v2 from agent\n");
    Files.writeString(wt.resolve("code.txt"), "c2 from agent\n");
    repo.git.runOrThrow(wt, "E", "commit", "-q", "-am", "agent work");
    repo.write("notes.txt", "my unsaved thoughts\n");

    try (JGitCommitQueue q = JGitCommitQueue.open(repo.dir, repo.options())) {
      LandOutcome o = q.land(new Change.FromBranch("bp/r/t1", null, Trailers.NONE));
      assertThat(o).isInstanceOf(LandOutcome.Landed.class);
    }
    assertThat(repo.read("notes.txt")).isEqualTo("my unsaved thoughts\n");
    assertThat(repo.read("code.txt")).isEqualTo("c2 from agent\n");
    assertThat(repo.git("show", "main:notes.txt")).isEqualTo("v2 from agent");
    assertThat(repo.git("status", "--porcelain")).isEqualTo("M notes.txt");
    assertThat(repo.git("diff", "--cached", "--name-only")).isEmpty();
  }

  @Test
  void landsAWorkerBranchMadeFromAnOldBaseOnTopOfTheCurrentTip() throws Exception {
    String oldBase = repo.head();
    repo.write("later.txt", "later\n");
    repo.git("add", "later.txt");
    repo.git("commit", "-q", "-m", "later work on main");
    repo.git("branch", "bp/r/old", oldBase);
    Path wt = tmp.resolve("old");
    repo.git("worktree", "add", "-q", wt.toString(), "bp/r/old");
    Files.writeString(wt.resolve("feature.txt"), "feature\n");
    repo.git.runOrThrow(wt, "E", "add", "feature.txt");
    repo.git.runOrThrow(wt, "E", "commit", "-q", "-m", "feature from old base");
    try (JGitCommitQueue q = JGitCommitQueue.open(repo.dir, repo.options())) {
      LandOutcome o =
          q.land(new Change.FromBranch("bp/r/old", null, new Trailers("R", "T9", null, null)));
      assertThat(o).isInstanceOf(LandOutcome.Landed.class);
    }
    assertThat(repo.subjects())
        .containsExactly("initial", "later work on main", "feature from old base");
    assertThat(repo.git("ls-tree", "--name-only", "main"))
        .isEqualTo("README.md\nfeature.txt\nlater.txt");
    assertThat(repo.read("feature.txt")).isEqualTo("feature\n");
    assertThat(repo.git("log", "-1", "--format=%(trailers:key=Blueprint-Task,valueonly)"))
        .isEqualTo("T9");
  }

  @Test
  void gateFailureRejectsTheChangeAndTheGateSeesTheLandedTree() throws Exception {
    List<String> gate =
        List.of("sh", "-c", "test -f required.txt || { echo missing required.txt; exit 3; }");
    try (JGitCommitQueue q =
        JGitCommitQueue.open(repo.dir, repo.options().withGate(gate, Duration.ofSeconds(60)))) {
      repo.write("a.txt", "a\n");
      LandOutcome bad = q.land(paths("without required", "a.txt"));
      assertThat(bad).isInstanceOf(LandOutcome.GateFailed.class);
      assertThat(((LandOutcome.GateFailed) bad).exitCode()).isEqualTo(3);
      assertThat(((LandOutcome.GateFailed) bad).outputTail()).contains("missing required.txt");
      assertThat(repo.subjects()).containsExactly("initial");
      repo.write("required.txt", "r\n");
      assertThat(q.land(paths("with required", "a.txt", "required.txt")))
          .isInstanceOf(LandOutcome.Landed.class);
    }
    assertThat(repo.subjects()).containsExactly("initial", "with required");
    assertThat(repo.git("worktree", "list").lines().count()).isEqualTo(1);
  }

  @Test
  void refusesPathsOutsideTheWorkTreeAndEmptyChanges() throws Exception {
    try (JGitCommitQueue q = JGitCommitQueue.open(repo.dir, repo.options())) {
      assertThatThrownBy(() -> q.submit(paths("escape", "../outside.txt")))
          .isInstanceOf(GitLayerException.class)
          .extracting(e -> ((GitLayerException) e).code())
          .isEqualTo("E_PATH_ESCAPES");
      assertThatThrownBy(() -> q.submit(paths("nothing", "README.md")))
          .extracting(e -> ((GitLayerException) e).code())
          .isEqualTo("E_NOTHING_TO_COMMIT");
    }
  }

  @Test
  void landsDeletionsAndNewFilesFoundUnderADirectory() throws Exception {
    repo.write("dir/keep.txt", "k\n");
    repo.write("dir/gone.txt", "g\n");
    repo.git("add", ".");
    repo.git("commit", "-q", "-m", "dir");
    Files.delete(repo.dir.resolve("dir/gone.txt"));
    repo.write("dir/sub/new.txt", "n\n");
    repo.write("elsewhere.txt", "not part of it\n");
    try (JGitCommitQueue q = JGitCommitQueue.open(repo.dir, repo.options())) {
      assertThat(q.land(paths("tidy dir", "dir"))).isInstanceOf(LandOutcome.Landed.class);
    }
    assertThat(repo.git("show", "--name-status", "--format=", "HEAD"))
        .isEqualTo("D\tdir/gone.txt\nA\tdir/sub/new.txt");
    assertThat(repo.git("status", "--porcelain")).isEqualTo("?? elsewhere.txt");
  }

  @Test
  void aBatchLandsAroundAConflictInTheMiddleWithOneRefUpdate() throws Exception {
    repo.write("x.txt", "x0\n");
    repo.git("add", "x.txt");
    repo.git("commit", "-q", "-m", "x");
    try (JGitCommitQueue q = JGitCommitQueue.open(repo.dir, repo.options())) {
      repo.write("x.txt", "x from A\n");
      long a = q.submit(paths("A", "x.txt"));
      repo.write("x.txt", "x from B\n");
      long b = q.submit(paths("B", "x.txt"));
      repo.write("y.txt", "y from C\n");
      long c = q.submit(paths("C", "y.txt"));
      List<LandOutcome> outcomes = q.drain();
      assertThat(outcomes).hasSize(3);
      assertThat(outcomes.get(0)).isInstanceOf(LandOutcome.Landed.class);
      assertThat(outcomes.get(1)).isEqualTo(new LandOutcome.Rejected(b, List.of("x.txt")));
      assertThat(outcomes.get(2)).isInstanceOf(LandOutcome.Landed.class);
      assertThat(q.await(a, Duration.ofSeconds(1))).isEqualTo(outcomes.get(0));
      assertThat(q.await(c, Duration.ofSeconds(1))).isEqualTo(outcomes.get(2));
    }
    assertThat(repo.subjects()).containsExactly("initial", "x", "A", "C");
    // One ref update for the whole batch: the reflog gained a single entry.
    assertThat(repo.git("reflog", "show", "--format=%gs", "main").lines().findFirst().orElseThrow())
        .isEqualTo("blueprint queue: A (+1)");
  }
}
