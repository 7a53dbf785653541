package dev.blueprint.journal.workrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.eclipse.jgit.api.MergeResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run resumed from the cache (which reads only the files new commits touch and keeps the other
 * files' counts from the cache) must give exactly what a run from the root gives, on random
 * histories with edits, new files, deletions, renames, merges and sessions.
 */
class IncrementalReportTest {
  @TempDir Path tmp;
  private TestRepo repo;
  private Random random;
  private Instant clock = Instant.parse("2026-03-01T00:00:00Z");
  private final List<String> files = new ArrayList<>();
  private int fileCounter;

  @BeforeEach
  void setUp() throws Exception {
    TestRepo.isolate(tmp.resolve("sandbox"));
    repo = TestRepo.init(tmp.resolve("repo"));
  }

  @AfterEach
  void tearDown() {
    repo.close();
    TestRepo.restore();
  }

  @Test
  void incrementalRunsEqualFullRunsOnRandomLinearHistories() throws Exception {
    for (long seed = 1; seed <= 3; seed++) {
      random = new Random(seed);
      startHistory(6, 12);
      for (int round = 0; round < 4; round++) {
        int added = 1 + random.nextInt(12);
        randomCommits(added);
        assertIncrementalEqualsFull(added, false);
      }
      resetRepo(seed);
    }
  }

  @Test
  void incrementalRunEqualsFullRunAcrossAMergeOfABranchForkedAfterTheCachedHead() throws Exception {
    random = new Random(11);
    startHistory(5, 10);
    randomCommits(4);
    repo.git.branchCreate().setName("side").call();
    randomCommits(5);
    repo.git.checkout().setName("side").call();
    randomCommits(5);
    repo.git.checkout().setName("main").call();
    MergeResult merge =
        repo.git
            .merge()
            .include(repo.git.getRepository().resolve("side"))
            .setCommit(true)
            .setMessage("Merge side")
            .call();
    if (!merge.getMergeStatus().isSuccessful()) {
      // Conflicts are resolved by taking every file as it is in the work tree, markers and all.
      clock = clock.plusSeconds(60);
      repo.commit("Merge side", clock);
    }
    randomCommits(3);
    assertIncrementalEqualsFull(4 + 5 + 5 + 1 + 3, false);
  }

  @Test
  void aMergeOfABranchForkedBeforeTheCachedHeadRebuildsAndStillEqualsAFullRun() throws Exception {
    random = new Random(5);
    startHistory(5, 10);
    repo.git.branchCreate().setName("old-side").call();
    randomCommits(4);
    analyze();
    repo.git.checkout().setName("old-side").call();
    randomCommits(3);
    repo.git.checkout().setName("main").call();
    MergeResult merge =
        repo.git
            .merge()
            .include(repo.git.getRepository().resolve("old-side"))
            .setCommit(true)
            .setMessage("Merge old side")
            .call();
    if (!merge.getMergeStatus().isSuccessful()) {
      clock = clock.plusSeconds(60);
      repo.commit("Merge old side", clock);
    }
    assertIncrementalEqualsFull(-1, true);
  }

  /** Runs from the cache, then from nothing, and compares reports and the two caches. */
  private void assertIncrementalEqualsFull(int expectedCommits, boolean expectRebuild)
      throws Exception {
    Path db = WorkRateAnalyzer.cacheFile(repo.dir);
    WorkRateAnalyzer.Result incremental = analyze();
    Path kept = tmp.resolve("incremental.db");
    Files.copy(db, kept, StandardCopyOption.REPLACE_EXISTING);
    Files.delete(db);
    WorkRateAnalyzer.Result full = analyze();

    assertThat(incremental.fullRebuild()).isEqualTo(expectRebuild);
    if (expectedCommits >= 0) {
      assertThat(incremental.commitsProcessed()).isEqualTo(expectedCommits);
    }
    assertThat(full.fullRebuild()).isTrue();
    assertThat(incremental.report()).isEqualTo(full.report());
    assertThat(incremental.report().sessions()).isNotEmpty();

    LineHistory fromIncremental = new WorkRateCache(kept, "sessions/").load().orElseThrow();
    LineHistory fromFull = new WorkRateCache(db, "sessions/").load().orElseThrow();
    assertThat(fromIncremental.commits).isEqualTo(fromFull.commits);
    assertThat(fromIncremental.cachedAlive).containsExactly(fromFull.cachedAlive);
    assertThat(fromIncremental.head).isEqualTo(fromFull.head);
    assertThat(originRows(kept)).isEqualTo(originRows(db)).isNotEmpty();
    // The next round resumes from the incremental cache, so errors would accumulate.
    Files.copy(kept, db, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Every file's encoded origins in a cache, by path. */
  private static Map<String, String> originRows(Path db) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT path, lines FROM origins")) {
      while (rs.next()) {
        out.put(rs.getString(1), Arrays.toString(WorkRateCache.decode(rs.getBytes(2))));
      }
    }
    return out;
  }

  private WorkRateAnalyzer.Result analyze() throws Exception {
    return new WorkRateAnalyzer(
            repo.dir,
            new JournalSessionSource(repo.dir.resolve("sessions")),
            new WorkRateAnalyzer.Options(
                Optional.empty(),
                WorkRateReport.Period.DAY,
                OutcomePolicy.DEFAULTS.withTooEarly(0, 0),
                WorkRateAnalyzer.DEFAULT_EXCLUDED))
        .analyze();
  }

  private void startHistory(int fileCount, int commits) throws Exception {
    repo.write(".gitignore", ".blueprint/");
    for (int i = 0; i < fileCount; i++) {
      newFile();
    }
    commit("root");
    randomCommits(commits);
    analyze();
  }

  private void resetRepo(long seed) throws Exception {
    repo.close();
    repo = TestRepo.init(tmp.resolve("repo-" + seed));
    files.clear();
    fileCounter = 0;
  }

  private void randomCommits(int n) throws Exception {
    for (int i = 0; i < n; i++) {
      int op = random.nextInt(10);
      if (op == 0 || files.size() < 2) {
        newFile();
      } else if (op == 1) {
        String f = files.remove(random.nextInt(files.size()));
        repo.delete(f);
      } else if (op == 2) {
        String f = files.remove(random.nextInt(files.size()));
        String to = f.startsWith("moved/") ? f.substring("moved/".length()) : "moved/" + f;
        List<String> lines = new ArrayList<>(Files.readAllLines(repo.dir.resolve(f)));
        lines.add("after the move " + random.nextInt(1000));
        repo.delete(f);
        repo.write(to, lines.toArray(String[]::new));
        files.add(to);
      } else {
        for (int k = 0; k <= random.nextInt(2); k++) {
          edit(files.get(random.nextInt(files.size())));
        }
      }
      commit(
          random.nextInt(3) == 0
              ? "Human edit"
              : "Agent edit\n\nSession-Id: s" + random.nextInt(4));
    }
  }

  private void newFile() throws Exception {
    String f = "f" + fileCounter++ + ".txt";
    repo.write(f, randomLines(3 + random.nextInt(8)));
    files.add(f);
  }

  private void edit(String f) throws Exception {
    List<String> lines = new ArrayList<>(Files.readAllLines(repo.dir.resolve(f)));
    int at = random.nextInt(lines.size() + 1);
    int op = random.nextInt(3);
    if (op == 0 || lines.size() < 3) {
      lines.addAll(at, List.of(randomLines(1 + random.nextInt(4))));
    } else {
      int from = Math.min(at, lines.size() - 1);
      int to = Math.min(lines.size(), from + 1 + random.nextInt(3));
      lines.subList(from, to).clear();
      if (op == 2) {
        lines.addAll(from, List.of(randomLines(1 + random.nextInt(3))));
      }
    }
    repo.write(f, lines.toArray(String[]::new));
  }

  private void commit(String message) throws Exception {
    clock = clock.plusSeconds(600);
    repo.commit(message, clock);
  }

  private String[] randomLines(int n) {
    String[] out = new String[n];
    for (int i = 0; i < n; i++) {
      out[i] = "line " + random.nextInt(500);
    }
    return out;
  }
}
