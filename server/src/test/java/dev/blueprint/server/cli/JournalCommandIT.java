package dev.blueprint.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bp journal} end to end on a plain folder (no git), with real files. */
class JournalCommandIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private Path transcript() throws Exception {
    Path t = tmp.resolve("6f1c2d3e-4b5a-4c6d-8e7f-901a2b3c4d5e.jsonl");
    Files.copy(Path.of(getClass().getResource("/transcripts/session-basic.jsonl").toURI()), t);
    return t;
  }

  @Test
  void writesByHandThenListsAndShowsIt() throws Exception {
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    CliRun w =
        CliRun.of(
            "journal",
            "write",
            "--repo",
            repo.toString(),
            "--agent",
            "Codex",
            "--summary",
            "Fixed the parser.",
            "--status",
            "checkpoint",
            "--work",
            "Parser fix",
            "--next",
            "Add tests",
            "--session-id",
            "hand-1",
            "--json");
    assertThat(w.exit()).as(w.err()).isZero();
    JsonNode written = JSON.readTree(w.out());
    assertThat(written.path("schema_version").asInt()).isEqualTo(1);
    assertThat(written.path("session_id").asText()).isEqualTo("hand-1");
    assertThat(written.path("status").asText()).isEqualTo("checkpoint");
    Path file = Path.of(written.path("file").asText());
    assertThat(file.getParent()).isEqualTo(repo.resolve("sessions"));
    assertThat(file.getFileName().toString()).matches("\\d{4}-\\d{2}-\\d{2}-001-codex\\.md");

    CliRun list = CliRun.of("journal", "list", "--repo", repo.toString());
    assertThat(list.exit()).isZero();
    assertThat(list.out().lines().toList()).hasSize(2);
    assertThat(list.out()).contains(file.getFileName().toString(), "checkpoint", "Codex");

    CliRun show =
        CliRun.of("journal", "show", "--repo", repo.toString(), file.getFileName().toString());
    assertThat(show.exit()).isZero();
    assertThat(show.out())
        .isEqualTo(Files.readString(file))
        .contains("- Parser fix", "- Add tests");

    CliRun showJson = CliRun.of("journal", "show", "--json", file.toString());
    JsonNode doc = JSON.readTree(showJson.out());
    assertThat(doc.path("status").asText()).isEqualTo("checkpoint");
    assertThat(doc.path("handoff").path("next_action_primer").asText()).isEqualTo("Add tests");
    assertThat(doc.path("front_matter").path("agent").asText()).isEqualTo("Codex");
  }

  @Test
  void writesFromATranscript() throws Exception {
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    CliRun w =
        CliRun.of(
            "journal", "write", "--repo", repo.toString(), "--transcript", transcript().toString());
    assertThat(w.exit()).as(w.err()).isZero();
    Path file = repo.resolve("sessions/2026-01-12-001-claude-code.md");
    assertThat(w.out()).isEqualTo("wrote " + file + "\n");
    assertThat(Files.readString(file))
        .contains(
            "session_id: \"6f1c2d3e-4b5a-4c6d-8e7f-901a2b3c4d5e\"",
            "model: \"claude-opus-4-5-20251101\"",
            "  total: 10385\n",
            "Bash `make test` failed: make: *** No rule to make target 'build'.  Stop. …",
            "Add greeting module and fix the build",
            "- Edited 3 file(s): src/greet.py, Makefile, notes.ipynb\n");
  }

  @Test
  void writesFromASpoolFileAndClearsTheSessionsSpool() throws Exception {
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    Path spool = Files.createDirectories(repo.resolve(".blueprint/spool"));
    Path t = transcript();
    Path start =
        spool.resolve("20260112T220000Z-6f1c2d3e-4b5a-4c6d-8e7f-901a2b3c4d5e-SessionStart.json");
    Files.writeString(
        start,
        "{\"schema_version\":1,\"event\":\"SessionStart\",\"received_at\":\"20260112T220000Z\",\"head_commit\":\"\",\"input\":{\"session_id\":\"6f1c2d3e-4b5a-4c6d-8e7f-901a2b3c4d5e\",\"transcript_path\":\""
            + t
            + "\",\"cwd\":\""
            + repo
            + "\",\"hook_event_name\":\"SessionStart\",\"source\":\"startup\"}}\n");
    Path end =
        spool.resolve("20260112T230000Z-6f1c2d3e-4b5a-4c6d-8e7f-901a2b3c4d5e-SessionEnd.json");
    Files.writeString(
        end,
        "{\"schema_version\":1,\"event\":\"SessionEnd\",\"received_at\":\"20260112T230000Z\",\"head_commit\":\"\",\"input\":{\"session_id\":\"6f1c2d3e-4b5a-4c6d-8e7f-901a2b3c4d5e\",\"transcript_path\":\""
            + t
            + "\",\"cwd\":\""
            + repo
            + "\",\"hook_event_name\":\"SessionEnd\",\"reason\":\"exit\"}}\n");

    CliRun startRun = CliRun.of("journal", "write", "--spool", start.toString());
    assertThat(startRun.exit()).isZero();
    assertThat(startRun.out()).startsWith("nothing to journal");

    CliRun w = CliRun.of("journal", "write", "--spool", end.toString());
    assertThat(w.exit()).as(w.err()).isZero();
    assertThat(Files.readString(repo.resolve("sessions/2026-01-12-001-claude-code.md")))
        .contains("status: complete\n");
    assertThat(start).doesNotExist();
    assertThat(end).doesNotExist();
  }

  @Test
  void sweepJournalsTranscriptsWithoutAJournal() throws Exception {
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    Path projects = tmp.resolve("projects");
    Path folder =
        Files.createDirectories(projects.resolve(repo.toString().replaceAll("[^A-Za-z0-9-]", "-")));
    Path t = folder.resolve("6f1c2d3e-4b5a-4c6d-8e7f-901a2b3c4d5e.jsonl");
    Files.copy(transcript(), t);
    Files.setLastModifiedTime(t, FileTime.from(Instant.parse("2026-01-12T23:00:00Z")));

    CliRun dry =
        CliRun.of(
            "journal",
            "sweep",
            "--repo",
            repo.toString(),
            "--projects",
            projects.toString(),
            "--dry-run");
    assertThat(dry.out()).isEqualTo("would journal " + t + "\n");
    CliRun real =
        CliRun.of("journal", "sweep", "--repo", repo.toString(), "--projects", projects.toString());
    assertThat(real.exit()).isZero();
    assertThat(Files.readString(repo.resolve("sessions/2026-01-12-001-claude-code.md")))
        .contains("status: abandoned\n");
    CliRun again =
        CliRun.of(
            "journal",
            "sweep",
            "--repo",
            repo.toString(),
            "--projects",
            projects.toString(),
            "--json");
    assertThat(JSON.readTree(again.out()).path("transcripts")).isEmpty();
  }

  @Test
  void rejectsBadUsageWithExitTwoAndOneLine() throws Exception {
    CliRun none = CliRun.of("journal", "write", "--repo", tmp.toString());
    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.err())
        .isEqualTo(
            "bp: journal write needs exactly one of --transcript FILE, --spool FILE, or --summary TEXT\n");
    CliRun missing =
        CliRun.of("journal", "write", "--transcript", tmp.resolve("nope.jsonl").toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("cannot read transcript", "nope.jsonl");
    CliRun status =
        CliRun.of(
            "journal",
            "write",
            "--repo",
            tmp.toString(),
            "--agent",
            "a",
            "--summary",
            "s",
            "--status",
            "great");
    assertThat(status.exit()).isEqualTo(2);
    assertThat(status.err()).contains("--status must be one of");
    CliRun show = CliRun.of("journal", "show", "--repo", tmp.toString(), "missing.md");
    assertThat(show.exit()).isEqualTo(2);
    assertThat(show.err()).isEqualTo("bp: cannot read journal missing.md\n");
  }
}
