package dev.blueprint.journal.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.blueprint.journal.transcript.TokenUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Journals written from transcripts into a real git repository on disk. */
class JournalServiceTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-13T00:00:00Z"), ZoneOffset.UTC);

  @TempDir Path tmp;

  private static String line(String type, String session, String ts, ObjectNode message) {
    ObjectNode n = JSON.createObjectNode();
    n.put("type", type).put("sessionId", session).put("cwd", "/repo").put("timestamp", ts);
    n.put("uuid", "u-" + ts).set("message", message);
    if (type.equals("assistant")) {
      // one API request per message: its streamed lines share both ids
      n.put("requestId", "req_" + message.path("id").asText());
    }
    return n.toString();
  }

  private static ObjectNode assistant(String id, ObjectNode... blocks) {
    ObjectNode m =
        JSON.createObjectNode()
            .put("id", id)
            .put("role", "assistant")
            .put("model", "claude-opus-4-5");
    m.putArray("content").addAll(List.of(blocks));
    m.putObject("usage")
        .put("input_tokens", 10)
        .put("output_tokens", 5)
        .put("cache_creation_input_tokens", 0)
        .put("cache_read_input_tokens", 0);
    return m;
  }

  private static ObjectNode toolUse(String id, String name, String key, String value) {
    ObjectNode b = JSON.createObjectNode().put("type", "tool_use").put("id", id).put("name", name);
    b.putObject("input").put(key, value);
    return b;
  }

  private static ObjectNode toolError(String id, String text) {
    ObjectNode m = JSON.createObjectNode().put("role", "user");
    m.putArray("content")
        .addObject()
        .put("type", "tool_result")
        .put("tool_use_id", id)
        .put("is_error", true)
        .put("content", text);
    return m;
  }

  @Test
  void journalsATranscriptWithTheSessionsCommitsAndLinesChanged() throws Exception {
    try (TestRepo repo = TestRepo.create(tmp.resolve("demo"))) {
      RevCommit start = repo.commit("Initial", "README.md", "hello\n");
      repo.commit("Add greeting", "src/greet.py", "a\nb\nc\n");
      repo.commit("Trim greeting", "src/greet.py", "a\nc\n");
      Path transcript = tmp.resolve("sess-1.jsonl");
      Files.write(
          transcript,
          List.of(
              line(
                  "assistant",
                  "sess-1",
                  "2026-01-12T22:00:00Z",
                  assistant(
                      "msg_1",
                      toolUse(
                          "t1",
                          "Edit",
                          "file_path",
                          repo.dir().resolve("src/greet.py").toString()))),
              line(
                  "assistant",
                  "sess-1",
                  "2026-01-12T22:00:01Z",
                  assistant(
                      "msg_1",
                      toolUse(
                          "t2",
                          "Write",
                          "file_path",
                          repo.dir().resolve("notes.txt").toString())))));
      JournalService service =
          new JournalService(repo.dir(), Redactor.patternsOnly(), JournalPublisher.NONE, CLOCK);

      WrittenJournal w =
          service.writeFromTranscript(
              transcript,
              new TranscriptOptions(
                  "claude-code", JournalStatus.COMPLETE, Optional.of(start.name())));

      Journal j = w.journal();
      assertThat(w.file()).isEqualTo(repo.dir().resolve("sessions/2026-01-12-001-claude-code.md"));
      assertThat(j.commits())
          .extracting(CommitEntry::subject)
          .containsExactly("Add greeting", "Trim greeting");
      assertThat(j.commits().get(0).files()).containsExactly(new FileChange("src/greet.py", 3, 0));
      assertThat(j.filesChanged()).containsExactly(new FileChange("src/greet.py", 3, 1));
      assertThat(j.branch()).contains("main");
      assertThat(j.tokens()).contains(new TokenUsage(10, 5, 0, 0));
      assertThat(j.handoff().openItems()).containsExactly("Edited but not committed: notes.txt");
      String text = Files.readString(w.file());
      assertThat(text)
          .contains(
              "| `src/greet.py` | 3 | 1 |",
              "- `" + j.commits().get(1).shortSha() + "` Trim greeting");
    }
  }

  @Test
  void withoutAStartCommitTakesTheCommitsMadeSinceTheTranscriptBegan() throws Exception {
    try (TestRepo repo = TestRepo.create(tmp.resolve("timed"))) {
      repo.commit("One", "a.txt", "1\n"); // committed 22:01
      repo.commit("Two", "a.txt", "1\n2\n"); // 22:02
      repo.commit("Three", "b.txt", "x\n"); // 22:03
      GitHistory history = new GitHistory();
      GitFacts since =
          history.read(
              repo.dir(), Optional.empty(), Optional.of(Instant.parse("2026-01-12T22:01:30Z")));
      assertThat(since.commits()).extracting(CommitEntry::subject).containsExactly("Two", "Three");
      GitFacts all =
          history.read(
              repo.dir(), Optional.empty(), Optional.of(Instant.parse("2026-01-12T21:00:00Z")));
      assertThat(all.commits())
          .extracting(CommitEntry::subject)
          .containsExactly("One", "Two", "Three");
      assertThat(all.filesChanged())
          .containsExactly(new FileChange("a.txt", 2, 0), new FileChange("b.txt", 1, 0));
    }
  }

  @Test
  void listsTheRootCommitWithAllItsLinesWhenTheSessionStartedBeforeIt() throws Exception {
    try (TestRepo repo = TestRepo.create(tmp.resolve("fresh"))) {
      repo.commit("First", "a.txt", "1\n2\n");
      RevCommit second = repo.commit("Second", "a.txt", "1\n2\n3\n");
      GitFacts facts = new GitHistory().read(repo.dir(), Optional.of(second.getParent(0).name()));
      assertThat(facts.commits()).extracting(CommitEntry::subject).containsExactly("Second");
      assertThat(facts.headCommit()).contains(second.name());
      GitFacts none = new GitHistory().read(repo.dir(), Optional.empty());
      assertThat(none.commits()).isEmpty();
      assertThat(new GitHistory().read(tmp.resolve("not-a-repo"), Optional.empty()).headCommit())
          .isEmpty();
    }
  }

  @Test
  void secretsSeededInATranscriptNeverReachTheWrittenJournal() throws Exception {
    Map<String, String> env =
        Map.of("ACME_API_KEY", "acme-live-0f9e8d7c6b5a", "CI_TOKEN", "ci-tok-ZZZ-123456");
    List<String> secrets =
        List.of(
            "sk-ant-api03-SeCrEt0123456789abcdefghijklmnop",
            "sk-proj-0123456789abcdefghijklmnopqrst",
            "AKIAABCDEFGHIJKLMNOP",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "ghp_abcdefghijklmnopqrstuvwxyz0123456789",
            "xoxp-1111111111-2222222222-abcdef",
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig",
            "MIIEpAIBAAKCAQEAsecretkeymaterial",
            "acme-live-0f9e8d7c6b5a",
            "ci-tok-ZZZ-123456");
    Path transcript = tmp.resolve("leaky.jsonl");
    ObjectNode summaryLine =
        JSON.createObjectNode()
            .put("type", "summary")
            .put(
                "summary",
                "Deployed with key sk-ant-api03-SeCrEt0123456789abcdefghijklmnop and acme-live-0f9e8d7c6b5a");
    List<String> lines = new ArrayList<>();
    lines.add(summaryLine.toString());
    lines.add(
        line(
            "assistant",
            "leaky",
            "2026-01-12T10:00:00Z",
            assistant(
                "msg_a",
                toolUse(
                    "b1",
                    "Bash",
                    "command",
                    "export OPENAI_API_KEY=sk-proj-0123456789abcdefghijklmnopqrst && AWS_ACCESS_KEY_ID=AKIAABCDEFGHIJKLMNOP aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY ./deploy"),
                toolUse(
                    "b2",
                    "Bash",
                    "command",
                    "curl -H 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig' https://x"))));
    lines.add(
        line(
            "user",
            "leaky",
            "2026-01-12T10:00:02Z",
            toolError(
                "b1",
                "denied for ghp_abcdefghijklmnopqrstuvwxyz0123456789 and xoxp-1111111111-2222222222-abcdef (token ci-tok-ZZZ-123456)")));
    lines.add(
        line(
            "user",
            "leaky",
            "2026-01-12T10:00:03Z",
            toolError(
                "b2",
                "-----BEGIN OPENSSH PRIVATE KEY-----\nMIIEpAIBAAKCAQEAsecretkeymaterial\n-----END OPENSSH PRIVATE KEY-----")));
    Files.write(transcript, lines);
    Files.createDirectories(tmp.resolve("repo"));
    JournalService service =
        new JournalService(tmp.resolve("repo"), new Redactor(env), JournalPublisher.NONE, CLOCK);

    WrittenJournal w = service.writeFromTranscript(transcript, TranscriptOptions.claudeCode());

    String text = Files.readString(w.file());
    assertThat(text).contains("Bash `export OPENAI_API_KEY=", "[REDACTED:");
    for (String secret : secrets) {
      assertThat(text).as(secret).doesNotContain(secret);
    }
  }

  @Test
  void sweepJournalsSettledTranscriptsOfThisRepositoryThatHaveNoJournal() throws Exception {
    Path repo = tmp.resolve("my.repo");
    Files.createDirectories(repo);
    Path projects = tmp.resolve("claude-projects");
    Path mine = projects.resolve(TranscriptSweep.projectFolderName(repo));
    Path other = projects.resolve(TranscriptSweep.projectFolderName(tmp.resolve("other")));
    Files.createDirectories(mine);
    Files.createDirectories(other);
    assertThat(mine.getFileName().toString()).doesNotContain("/", ".").endsWith("-my-repo");
    for (Path p :
        List.of(
            mine.resolve("s-old.jsonl"),
            mine.resolve("s-done.jsonl"),
            mine.resolve("s-live.jsonl"),
            other.resolve("s-else.jsonl"))) {
      Files.writeString(
          p,
          line(
                  "user",
                  p.getFileName().toString().replace(".jsonl", ""),
                  "2026-01-12T09:00:00Z",
                  JSON.createObjectNode().put("role", "user").put("content", "hi"))
              + "\n");
      Files.setLastModifiedTime(p, FileTime.from(Instant.parse("2026-01-12T10:00:00Z")));
    }
    Files.setLastModifiedTime(
        mine.resolve("s-live.jsonl"), FileTime.from(CLOCK.instant().minusSeconds(60)));
    JournalService service =
        new JournalService(repo, Redactor.patternsOnly(), JournalPublisher.NONE, CLOCK);
    service.writeFromTranscript(mine.resolve("s-done.jsonl"), TranscriptOptions.claudeCode());

    List<Path> dry = service.sweep(projects, Duration.ofMinutes(10), true);
    assertThat(dry).containsExactly(mine.resolve("s-old.jsonl"));
    assertThat(service.list()).hasSize(1);

    service.sweep(projects, Duration.ofMinutes(10), false);
    List<ListedJournal> all = service.list();
    assertThat(all)
        .extracting(l -> l.document().sessionId().orElseThrow())
        .containsExactly("s-done", "s-old");
    assertThat(all.get(1).document().status()).contains(JournalStatus.ABANDONED);
    assertThat(all.get(1).document().frontMatter()).containsEntry("previous_session", "s-done");
    assertThat(service.sweep(projects, Duration.ofMinutes(10), true)).isEmpty();
  }

  @Test
  void namesTheSessionAfterAClaudeCodeTranscriptFileEvenWhenLinesCarryAResumedId()
      throws Exception {
    Files.createDirectories(tmp.resolve("r2"));
    Path transcript = tmp.resolve("0b5e1c2a-1111-4222-8333-944455556666.jsonl");
    Files.writeString(
        transcript,
        line(
                "user",
                "older-session",
                "2026-01-12T09:00:00Z",
                JSON.createObjectNode().put("role", "user").put("content", "resumed"))
            + "\n");
    JournalService service =
        new JournalService(
            tmp.resolve("r2"), Redactor.patternsOnly(), JournalPublisher.NONE, CLOCK);
    assertThat(
            service
                .writeFromTranscript(transcript, TranscriptOptions.claudeCode())
                .journal()
                .sessionId())
        .isEqualTo("0b5e1c2a-1111-4222-8333-944455556666");
  }

  @Test
  void journalsARunOutcomeWithItsFailuresAndHandoff() throws Exception {
    Files.createDirectories(tmp.resolve("r"));
    JournalService service =
        new JournalService(tmp.resolve("r"), Redactor.patternsOnly(), JournalPublisher.NONE, CLOCK);
    RunOutcome run =
        new RunOutcome(
            "01JRUN",
            "blueprint",
            Optional.of("claude-sonnet-4-5"),
            Optional.of("plan.bp.md"),
            Optional.of("3/5 (60%)"),
            JournalStatus.CHECKPOINT,
            Instant.parse("2026-01-12T08:00:00Z"),
            Instant.parse("2026-01-12T09:00:00Z"),
            Optional.empty(),
            Optional.of(new TokenUsage(1, 2, 3, 4)),
            Optional.of(new java.math.BigDecimal("0.42")),
            "Ran the plan.",
            List.of("T1", "T2", "T3"),
            List.of("T4: verification failed (exit 1)"),
            List.of("T5"),
            List.of(),
            List.of("Fix T4"),
            "Fix T4 first");
    Journal j = service.writeFromRun(run).journal();
    String text = Files.readString(service.folder().resolve("2026-01-12-001-blueprint.md"));
    assertThat(j.status()).isEqualTo(JournalStatus.CHECKPOINT);
    assertThat(text)
        .contains(
            "cost_usd: 0.42\n",
            "blueprint_progress: \"3/5 (60%)\"",
            "- T4: verification failed (exit 1)",
            "deferred:\n  - \"T5\"",
            "next_action_primer: \"Fix T4 first\"");
  }
}
