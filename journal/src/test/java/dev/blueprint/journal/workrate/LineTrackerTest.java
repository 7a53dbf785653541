package dev.blueprint.journal.workrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.eclipse.jgit.api.MergeResult;
import org.eclipse.jgit.blame.BlameResult;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-pass tracker must agree with JGit's blame at HEAD, line for line. */
class LineTrackerTest {
  @TempDir Path tmp;
  private TestRepo repo;
  private final Random random = new Random(42);
  private Instant clock = Instant.parse("2026-02-01T00:00:00Z");

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
  void survivingLinesPerCommitEqualJGitBlameAfterRandomEditsAndAMerge() throws Exception {
    List<String> mainFiles = List.of("src/a.txt", "src/b.txt", "c.txt");
    List<String> sideFiles = List.of("side/d.txt", "side/e.txt");
    for (String f : concat(mainFiles, sideFiles)) {
      repo.write(f, randomLines(8));
    }
    commit("root");
    editRandomly(mainFiles, 15);
    repo.git.branchCreate().setName("side").call();
    editRandomly(mainFiles, 10);
    repo.git.checkout().setName("side").call();
    editRandomly(sideFiles, 10);
    repo.git.checkout().setName("main").call();
    MergeResult merge =
        repo.git
            .merge()
            .include(repo.git.getRepository().resolve("side"))
            .setCommit(true)
            .setMessage("Merge side")
            .call();
    assertThat(merge.getMergeStatus().isSuccessful()).isTrue();
    editRandomly(concat(mainFiles, sideFiles), 15);

    ObjectId head = repo.git.getRepository().resolve("HEAD");
    LineHistory h =
        new LineTracker(repo.git.getRepository(), List.of()).advance(null, head).history();

    assertThat(bySha(h)).isEqualTo(blameCounts(head)).isNotEmpty();
  }

  @Test
  void renamedFileKeepsItsLineOrigins() throws Exception {
    repo.write("old/name.txt", "one", "two", "three");
    RevCommit first = commit("add");
    Files.createDirectories(repo.dir.resolve("new"));
    Files.move(repo.dir.resolve("old/name.txt"), repo.dir.resolve("new/name.txt"));
    repo.write("new/name.txt", "one", "two", "three", "four");
    RevCommit second = commit("move and extend");

    LineHistory h =
        new LineTracker(repo.git.getRepository(), List.of()).advance(null, second.copy()).history();

    assertThat(bySha(h)).containsEntry(first.name(), 3).containsEntry(second.name(), 1);
    assertThat(h.commits.get(1).linesAdded()).isEqualTo(1);
  }

  @Test
  void excludedPathsAndBinaryFilesAreNotCounted() throws Exception {
    repo.write("sessions/2026-01-01-001-x.md", "journal line");
    repo.write("code.txt", "code");
    Files.write(repo.dir.resolve("blob.bin"), new byte[] {1, 0, 2, 0, 3});
    RevCommit c = commit("mixed");

    LineHistory h =
        new LineTracker(repo.git.getRepository(), List.of("sessions/"))
            .advance(null, c.copy())
            .history();

    assertThat(h.commits.get(0).linesAdded()).isEqualTo(1);
    assertThat(h.origins).containsOnlyKeys("code.txt");
  }

  private void editRandomly(List<String> files, int commits) throws Exception {
    for (int i = 0; i < commits; i++) {
      String f = files.get(random.nextInt(files.size()));
      List<String> lines = new ArrayList<>(Files.readAllLines(repo.dir.resolve(f)));
      int op = random.nextInt(3);
      int at = random.nextInt(lines.size() + 1);
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
      commit("edit " + f);
    }
  }

  private RevCommit commit(String message) throws Exception {
    clock = clock.plusSeconds(600);
    return repo.commit(message, clock);
  }

  private String[] randomLines(int n) {
    String[] out = new String[n];
    for (int i = 0; i < n; i++) {
      out[i] = "value " + random.nextInt(1000);
    }
    return out;
  }

  private static Map<String, Integer> bySha(LineHistory h) {
    int[] alive = h.survivingPerCommit();
    Map<String, Integer> out = new HashMap<>();
    for (int i = 0; i < alive.length; i++) {
      if (alive[i] > 0) {
        out.put(h.commits.get(i).sha(), alive[i]);
      }
    }
    return out;
  }

  private Map<String, Integer> blameCounts(ObjectId head) throws Exception {
    Map<String, Integer> out = new HashMap<>();
    RevCommit commit = repo.git.getRepository().parseCommit(head);
    try (TreeWalk tw = new TreeWalk(repo.git.getRepository())) {
      tw.addTree(commit.getTree());
      tw.setRecursive(true);
      while (tw.next()) {
        BlameResult blame =
            repo.git.blame().setStartCommit(head).setFilePath(tw.getPathString()).call();
        for (int i = 0; i < blame.getResultContents().size(); i++) {
          out.merge(blame.getSourceCommit(i).name(), 1, Integer::sum);
        }
      }
    }
    return out;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
