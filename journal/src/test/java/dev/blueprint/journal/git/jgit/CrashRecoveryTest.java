package dev.blueprint.journal.git.jgit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blueprint.journal.git.Change;
import dev.blueprint.journal.git.LandOutcome;
import dev.blueprint.journal.git.TestRepo;
import dev.blueprint.journal.git.Trailers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two moments a killed writer can leave behind, recreated exactly: the landing recorded but the
 * ref not moved (with its ref lock file left), and the ref moved but the change not yet marked.
 */
class CrashRecoveryTest {
  @TempDir Path tmp;
  TestRepo repo;
  long id;
  ObjectId tip;
  ObjectId intended;

  @BeforeEach
  void writerDiesMidLanding() throws Exception {
    repo = TestRepo.create(tmp);
    repo.write("a.txt", "a\n");
    try (JGitCommitQueue q = JGitCommitQueue.open(repo.dir, repo.options())) {
      id = q.submit(new Change.FromPaths(repo.dir, List.of("a.txt"), "add a", Trailers.NONE));
    }
    // Do what the writer does up to "landing recorded", then stop, as a SIGKILL would.
    try (QueueStore store = new QueueStore(repo.dir.resolve(".blueprint/queue.db"));
        Repository r = dev.blueprint.journal.git.RepoLayout.find(repo.dir).open()) {
      tip = r.resolve("refs/heads/main");
      QueueRecord rec = store.get(id).orElseThrow();
      LandingPlan plan = new ChangeLander(r, TestRepo.COMMITTER).plan(rec, store.edits(id), tip);
      intended = ((LandingPlan.NewCommit) plan).commit();
      store.markLanding(List.of(Map.entry(id, intended)), tip);
    }
  }

  @Test
  void aLandingWhoseRefNeverMovedLandsExactlyOnceAfterRestart() throws Exception {
    Files.writeString(repo.dir.resolve(".git/refs/heads/main.lock"), intended.name() + "\n");
    try (JGitCommitQueue q = JGitCommitQueue.open(repo.dir, repo.options())) {
      assertThat(q.entries(1).get(0).state()).isEqualTo("landing");
      LandOutcome o = q.await(id, Duration.ofSeconds(30));
      assertThat(o).isInstanceOf(LandOutcome.Landed.class);
    }
    assertThat(repo.subjects()).containsExactly("initial", "add a");
    assertThat(Files.exists(repo.dir.resolve(".git/refs/heads/main.lock"))).isFalse();
    assertThat(repo.git("status", "--porcelain")).isEmpty();
  }

  @Test
  void aLandingWhoseRefMovedIsMarkedLandedAndNotAppliedAgain() throws Exception {
    repo.git("update-ref", "refs/heads/main", intended.name(), tip.name());
    try (JGitCommitQueue q = JGitCommitQueue.open(repo.dir, repo.options())) {
      LandOutcome o = q.await(id, Duration.ofSeconds(30));
      assertThat(o).isEqualTo(new LandOutcome.Landed(id, intended.name()));
      assertThat(q.drain()).isEmpty();
    }
    assertThat(repo.subjects()).containsExactly("initial", "add a");
    // The checkout is brought to the recovered tip: a.txt matches it and is no longer a change.
    assertThat(repo.git("status", "--porcelain")).isEmpty();
  }
}
