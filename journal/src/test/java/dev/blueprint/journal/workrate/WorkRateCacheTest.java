package dev.blueprint.journal.workrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.ResetCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkRateCacheTest {
  @TempDir Path tmp;
  private TestRepo repo;

  @BeforeEach
  void setUp() throws Exception {
    TestRepo.isolate(tmp.resolve("sandbox"));
    repo = TestRepo.init(tmp.resolve("repo"));
    KnownHistory.build(repo);
  }

  @AfterEach
  void tearDown() {
    repo.close();
    TestRepo.restore();
  }

  private WorkRateAnalyzer.Result analyze() throws Exception {
    return new WorkRateAnalyzer(
            repo.dir,
            new JournalSessionSource(repo.dir.resolve("sessions")),
            WorkRateAnalyzer.Options.defaults())
        .analyze();
  }

  @Test
  void secondRunOnTheSameHeadReadsNoCommitsAndGivesTheSameReport() throws Exception {
    WorkRateAnalyzer.Result first = analyze();
    WorkRateAnalyzer.Result second = analyze();

    assertThat(first.fullRebuild()).isTrue();
    assertThat(first.commitsProcessed()).isEqualTo(21);
    assertThat(Files.exists(repo.dir.resolve(".blueprint/workrate.db"))).isTrue();
    assertThat(second.commitsProcessed()).isZero();
    assertThat(second.report()).isEqualTo(first.report());
  }

  @Test
  void runAfterNewCommitsProcessesOnlyThemAndMatchesAFreshRun() throws Exception {
    analyze();
    String[] b = KnownHistory.lines("b", 10);
    b[0] = "b1 changed";
    b[1] = "b2 changed";
    b[2] = "b3 changed too";
    repo.write("B.txt", b);
    repo.commit("Rewrite b3", KnownHistory.T0.plus(KnownHistory.days(5)));
    repo.delete("G.txt");
    repo.commit("Drop G", KnownHistory.T0.plus(KnownHistory.days(5)).plusSeconds(60));
    repo.write("H.txt", "h1", "h2");
    repo.commit("Add H\n\nSession-Id: s7", KnownHistory.T0.plus(KnownHistory.days(6)));

    WorkRateAnalyzer.Result incremental = analyze();
    Files.delete(repo.dir.resolve(".blueprint/workrate.db"));
    WorkRateAnalyzer.Result fresh = analyze();

    assertThat(incremental.fullRebuild()).isFalse();
    assertThat(incremental.commitsProcessed()).isEqualTo(3);
    assertThat(fresh.commitsProcessed()).isEqualTo(24);
    assertThat(incremental.report()).isEqualTo(fresh.report());
    SessionRate s1 =
        incremental.report().sessions().stream()
            .filter(s -> s.id().equals("s1"))
            .findFirst()
            .orElseThrow();
    assertThat(s1.linesAlive()).isEqualTo(7);
  }

  @Test
  void rewrittenHistoryIsReadAgainFromTheRoot() throws Exception {
    analyze();
    repo.git.reset().setMode(ResetCommand.ResetType.HARD).setRef("HEAD~1").call();
    repo.write("G.txt", "other");
    repo.commit("Replacement\n\nSession-Id: s5", KnownHistory.T0.plus(KnownHistory.days(4)));

    WorkRateAnalyzer.Result after = analyze();

    assertThat(after.fullRebuild()).isTrue();
    assertThat(after.commitsProcessed()).isEqualTo(21);
    assertThat(
            after.report().sessions().stream()
                .filter(s -> s.id().equals("s5"))
                .findFirst()
                .orElseThrow()
                .linesAdded())
        .isEqualTo(1);
  }

  @Test
  void aRunThatLoadedAnOlderStateNeitherReadsNorOverwritesTheNewerOneAnotherRunSaved()
      throws Exception {
    analyze();
    WorkRateCache cache =
        new WorkRateCache(repo.dir.resolve(".blueprint/workrate.db"), "sessions/");
    LineHistory stale = cache.load().orElseThrow();
    repo.write("H.txt", "h1", "h2");
    repo.commit("Add H\n\nSession-Id: s7", KnownHistory.T0.plus(KnownHistory.days(6)));
    analyze(); // another report moves the cache to the new head meanwhile
    String newer = cache.load().orElseThrow().head;

    assertThat(cache.load(stale.head, java.util.Set.of("H.txt", "B.txt"))).isEmpty();
    stale.head = "0000000000000000000000000000000000000000";
    cache.save(stale, false, new int[stale.commits.size()]);
    assertThat(cache.load().orElseThrow().head).isEqualTo(newer).isNotEqualTo(stale.cachedHead);
    assertThat(cache.load(newer, java.util.Set.of("H.txt")).orElseThrow()).containsKey("H.txt");
  }

  @Test
  void runLengthEncodingRoundTrips() {
    int[] lines = {3, 3, 3, 0, 7, 7, 1};
    assertThat(WorkRateCache.decode(WorkRateCache.encode(lines))).containsExactly(lines);
    assertThat(WorkRateCache.decode(WorkRateCache.encode(new int[0]))).isEmpty();
  }
}
