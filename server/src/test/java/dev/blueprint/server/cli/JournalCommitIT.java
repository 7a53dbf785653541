package dev.blueprint.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bp journal write} in a real git repository commits the journal through the queue. */
class JournalCommitIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  CommitCommandIT.Repo repo;

  @BeforeEach
  void setUp() throws Exception {
    repo = new CommitCommandIT.Repo(tmp);
  }

  private CliRun writeByHand(String sessionId, String... extra) {
    String[] base = {
      "journal",
      "write",
      "--repo",
      repo.dir.toString(),
      "--agent",
      "Codex",
      "--summary",
      "Fixed the parser.",
      "--session-id",
      sessionId,
      "--json"
    };
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return CliRun.of(args);
  }

  @Test
  void journalWrittenByHandIsCommittedOnTheBranchAndTheTreeIsClean() throws Exception {
    CliRun w = writeByHand("hand-1");

    assertThat(w.exit()).as(w.err()).isZero();
    JsonNode out = JSON.readTree(w.out());
    String file = repo.dir.relativize(Path.of(out.path("file").asText())).toString();
    assertThat(file).matches("sessions/\\d{4}-\\d{2}-\\d{2}-001-codex\\.md");
    String sha = out.path("commit").asText();
    assertThat(repo.git("rev-parse", "main")).isEqualTo(sha);
    assertThat(repo.git("log", "-1", "--format=%s", "main")).isEqualTo("journal: " + file);
    assertThat(repo.git("log", "-1", "--format=%b", "main"))
        .contains("session hand-1", "Session-Id: hand-1", "Agent: Codex");
    assertThat(repo.git("show", "--name-only", "--format=", "main")).isEqualTo(file);
    assertThat(repo.git("show", "main:" + file)).contains("Fixed the parser.");
    assertThat(repo.git("status", "--porcelain")).isEmpty();
    assertThat(repo.git("rev-list", "--count", "main")).isEqualTo("2");
  }

  @Test
  void noCommitLeavesTheJournalUntrackedAndTheBranchWhereItWas() throws Exception {
    String before = repo.git("rev-parse", "main");

    CliRun w = writeByHand("hand-2", "--no-commit");

    assertThat(w.exit()).as(w.err()).isZero();
    assertThat(JSON.readTree(w.out()).path("commit").isNull()).isTrue();
    assertThat(repo.git("rev-parse", "main")).isEqualTo(before);
    assertThat(repo.git("status", "--porcelain")).isEqualTo("?? sessions/");
  }

  @Test
  void rewritingTheSameSessionCommitsTheNewVersionOnTop() throws Exception {
    assertThat(writeByHand("hand-3").exit()).isZero();
    CliRun again =
        CliRun.of(
            "journal",
            "write",
            "--repo",
            repo.dir.toString(),
            "--agent",
            "Codex",
            "--summary",
            "Fixed the parser and the lexer.",
            "--session-id",
            "hand-3");

    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.out()).contains(", committed as ");
    assertThat(repo.git("rev-list", "--count", "main")).isEqualTo("3");
    assertThat(repo.git("status", "--porcelain")).isEmpty();
    assertThat(repo.git("log", "-1", "-p", "--format=", "main"))
        .contains("+Fixed the parser and the lexer.");
  }
}
