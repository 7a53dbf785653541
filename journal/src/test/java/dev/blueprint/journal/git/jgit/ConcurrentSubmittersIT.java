package dev.blueprint.journal.git.jgit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blueprint.journal.git.Change;
import dev.blueprint.journal.git.LandOutcome;
import dev.blueprint.journal.git.TestRepo;
import dev.blueprint.journal.git.Trailers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentSubmittersIT {
  static final int SUBMITTERS = 16;
  static final int COMMITS_EACH = 50;

  @TempDir Path tmp;

  @Test
  void sixteenSubmittersTimesFiftyCommitsAllLandOnceInALinearHistory() throws Exception {
    TestRepo repo = TestRepo.create(tmp);
    List<LandOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(SUBMITTERS);
    List<Future<?>> futures = new ArrayList<>();
    for (int s = 0; s < SUBMITTERS; s++) {
      int submitter = s;
      futures.add(
          pool.submit(
              () -> {
                // Each submitter is its own queue instance, as separate agents would be.
                try (JGitCommitQueue q = JGitCommitQueue.open(repo.dir, repo.options())) {
                  start.await();
                  for (int i = 0; i < COMMITS_EACH; i++) {
                    String file = "agent" + submitter + "/log.txt";
                    Path p = repo.dir.resolve(file);
                    Files.createDirectories(p.getParent());
                    Files.writeString(p, "agent " + submitter + " commit " + i + "\n");
                    outcomes.add(
                        q.await(
                            q.submit(
                                new Change.FromPaths(
                                    repo.dir,
                                    List.of(file),
                                    "agent " + submitter + " commit " + i,
                                    new Trailers("RUN", "T" + submitter, "test", null))),
                            Duration.ofMinutes(5)));
                  }
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();

    assertThat(outcomes)
        .hasSize(SUBMITTERS * COMMITS_EACH)
        .allMatch(o -> o instanceof LandOutcome.Landed);
    assertThat(repo.git("rev-list", "--count", "main"))
        .isEqualTo(String.valueOf(SUBMITTERS * COMMITS_EACH + 1));
    assertThat(repo.git("rev-list", "--min-parents=2", "main")).isEmpty();
    Map<String, Integer> seen = new HashMap<>();
    for (String s : repo.subjects()) {
      seen.merge(s, 1, Integer::sum);
    }
    for (int s = 0; s < SUBMITTERS; s++) {
      for (int i = 0; i < COMMITS_EACH; i++) {
        assertThat(seen.get("agent " + s + " commit " + i))
            .as("agent %d commit %d", s, i)
            .isEqualTo(1);
      }
      assertThat(repo.git("show", "main:agent" + s + "/log.txt"))
          .isEqualTo("agent " + s + " commit 49");
    }
    assertThat(repo.git("status", "--porcelain")).isEmpty();
    assertThat(repo.tryGit("fsck", "--no-dangling").ok()).isTrue();
  }
}
