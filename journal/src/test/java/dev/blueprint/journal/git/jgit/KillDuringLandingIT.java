package dev.blueprint.journal.git.jgit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blueprint.journal.git.QueueEntry;
import dev.blueprint.journal.git.TestRepo;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a landing child process with SIGKILL at random moments, 24 times, restarting it each time,
 * then checks that no recorded change was lost, doubled or half applied and that the repository is
 * sound.
 */
class KillDuringLandingIT {
  static final int KILLS = 24;
  static final int PER_CHILD = 40;

  @TempDir Path tmp;

  @Test
  void killNineAtRandomPointsNeverLosesDoublesOrHalfAppliesAChange() throws Exception {
    TestRepo repo = TestRepo.create(tmp);
    Random random = new Random(42);
    Set<Integer> submitted = new HashSet<>();
    int next = 0;
    int killedWhileLanding = 0;
    for (int round = 0; round < KILLS; round++) {
      Process child = start(repo, next, PER_CHILD);
      BufferedReader out =
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      assertThat(line).as("child start-up in round %d", round).isEqualTo("ready");
      // Let it land a few changes, then kill it somewhere inside the loop.
      long killAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(30 + random.nextInt(400));
      Thread reader = new Thread(() -> drainLines(out, submitted));
      reader.start();
      while (System.nanoTime() < killAt && child.isAlive()) {
        Thread.sleep(1);
      }
      if (child.isAlive()) {
        killedWhileLanding++;
      }
      child.destroyForcibly(); // SIGKILL on Unix
      child.waitFor();
      reader.join();
      next += PER_CHILD;
    }
    // A last, unkilled process finishes whatever is left.
    Process last = start(repo, next, 1);
    BufferedReader out =
        new BufferedReader(new InputStreamReader(last.getInputStream(), StandardCharsets.UTF_8));
    drainLines(out, submitted);
    assertThat(last.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(last.exitValue()).isZero();
    assertThat(killedWhileLanding).isGreaterThanOrEqualTo(20);

    // Every recorded change is decided and landed exactly once, with all three of its files.
    List<QueueEntry> entries;
    try (JGitCommitQueue q = JGitCommitQueue.open(repo.dir, repo.options())) {
      entries = q.entries(100_000);
    }
    assertThat(entries).allMatch(e -> e.state().equals("landed"), "all landed");
    Map<String, Integer> seen = new HashMap<>();
    for (String s : repo.subjects()) {
      seen.merge(s, 1, Integer::sum);
    }
    for (int i : submitted) {
      assertThat(seen.get("change " + i)).as("change %d", i).isEqualTo(1);
    }
    assertThat(repo.subjects()).hasSize(entries.size() + 1);
    List<String> commits = List.of(repo.git("rev-list", "--reverse", "main").split("\n"));
    Pattern subject = Pattern.compile("change (\\d+)");
    for (String c : commits.subList(1, commits.size())) {
      Matcher m = subject.matcher(repo.git("log", "-1", "--format=%s", c));
      assertThat(m.matches()).isTrue();
      String n = m.group(1);
      assertThat(repo.git("diff-tree", "--no-commit-id", "--name-only", "-r", c))
          .isEqualTo("changes/" + n + "/a.txt\nchanges/" + n + "/b.txt\nchanges/" + n + "/c.txt");
    }
    assertThat(repo.git("rev-list", "--min-parents=2", "main")).isEmpty();
    var fsck = repo.tryGit("fsck", "--strict", "--no-dangling");
    assertThat(fsck.ok()).as(fsck.output()).isTrue();
    assertThat(fsck.output()).doesNotContainIgnoringCase("error").doesNotContain("missing");
    // The index follows the branch: nothing staged, nothing tracked modified.
    assertThat(repo.git("diff", "--cached", "--name-only")).isEmpty();
    assertThat(repo.git("diff", "--name-only")).isEmpty();
  }

  private static void drainLines(BufferedReader out, Set<Integer> submitted) {
    try {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("submitted ")) {
          synchronized (submitted) {
            submitted.add(Integer.parseInt(line.split(" ")[1]));
          }
        }
      }
    } catch (java.io.IOException ignored) {
      // the child was killed mid-line
    }
  }

  private Process start(TestRepo repo, int first, int count) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-Xshare:auto");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(LandingChild.class.getName());
    cmd.add(repo.dir.toString());
    cmd.add(Integer.toString(first));
    cmd.add(Integer.toString(count));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().putAll(repo.env);
    pb.redirectError(tmp.resolve("child-stderr.log").toFile());
    return pb.start();
  }
}
