package dev.blueprint.server.cli;

import static dev.blueprint.server.cli.CommitCommandIT.bp;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueueCommandIT {
  @TempDir Path tmp;

  @Test
  void showsLandedAndRejectedChangesAsTextAndJson() throws Exception {
    CommitCommandIT.Repo repo = new CommitCommandIT.Repo(tmp);
    repo.write("a.txt", "a\n");
    assertThat(
            bp("commit", "-C", repo.dir.toString(), "-m", "Add a", "--task", "T1", "a.txt").exit())
        .isZero();
    // A worker branch from the initial commit that also creates a.txt: it conflicts.
    repo.git("branch", "bp/r/t2", "HEAD~1");
    Path wt = tmp.resolve("t2");
    repo.git("worktree", "add", "-q", wt.toString(), "bp/r/t2");
    Files.writeString(wt.resolve("a.txt"), "different\n");
    repo.git("-C", wt.toString(), "add", "a.txt");
    repo.git("-C", wt.toString(), "commit", "-q", "-m", "Other a");
    CommitCommandIT.Run rejected =
        bp("commit", "-C", repo.dir.toString(), "--branch", "bp/r/t2", "--task", "T2");
    assertThat(rejected.exit()).isEqualTo(1);
    assertThat(rejected.out().strip()).isEqualTo("rejected change 2: conflicts with main in a.txt");

    CommitCommandIT.Run text = bp("queue", "-C", repo.dir.toString());
    assertThat(text.exit()).isZero();
    String landedCommit = repo.git("rev-parse", "HEAD").substring(0, 12);
    assertThat(text.out())
        .isEqualTo(
            "queue for main: 0 pending, 1 landed, 1 rejected\n"
                + "ID     STATE       COMMIT       SUBJECT\n"
                + "2      rejected    -            Other a  [task T2]  conflicts: a.txt\n"
                + "1      landed      "
                + landedCommit
                + " Add a  [task T1]\n");

    CommitCommandIT.Run json = bp("queue", "-C", repo.dir.toString(), "--json");
    JsonNode j = new ObjectMapper().readTree(json.out());
    assertThat(j.get("schema_version").asInt()).isEqualTo(1);
    assertThat(j.get("counts").get("landed").asInt()).isEqualTo(1);
    assertThat(j.get("entries").get(0).get("state").asText()).isEqualTo("rejected");
    assertThat(j.get("entries").get(0).get("paths").get(0).asText()).isEqualTo("a.txt");
    assertThat(j.get("entries").get(1).get("commit").asText()).startsWith(landedCommit);
  }
}
