package dev.blueprint.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bp serve} journals a transcript left without a journal (a killed Claude Code session) in
 * the background at start, while the protocol on stdout carries nothing but the replies.
 */
class ServeStartupSweepIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void serveAnswersInitializeFirstThenJournalsAndCommitsThePendingTranscript() throws Exception {
    GitTestRepo repo = new GitTestRepo(tmp);
    Path projects = tmp.resolve("projects");
    Path folder =
        Files.createDirectories(
            projects.resolve(repo.dir.toRealPath().toString().replaceAll("[^A-Za-z0-9-]", "-")));
    Path transcript = folder.resolve("6f1c2d3e-4b5a-4c6d-8e7f-901a2b3c4d5e.jsonl");
    Files.copy(
        Path.of(getClass().getResource("/transcripts/session-basic.jsonl").toURI()), transcript);
    Files.setLastModifiedTime(transcript, FileTime.from(Instant.parse("2026-01-12T23:00:00Z")));
    Path stderr = tmp.resolve("serve.err");

    ProcessBuilder pb =
        new ProcessBuilder(repo.serveCommand(repo.dir)).redirectError(stderr.toFile());
    pb.environment().putAll(repo.env);
    pb.environment().put("BP_CLAUDE_PROJECTS", projects.toString());
    long started = System.nanoTime();
    Process p = pb.start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  lines.add(line);
                }
              } catch (Exception e) {
                // process ended
              }
            });
    reader.setDaemon(true);
    reader.start();
    try (OutputStream in = p.getOutputStream()) {
      send(in, HttpSecurityIT.INITIALIZE);
      JsonNode first = JSON.readTree(lines.poll(60, TimeUnit.SECONDS));
      long firstReplyMs = (System.nanoTime() - started) / 1_000_000;
      System.out.println("serve with startup sweep: first reply after " + firstReplyMs + " ms");
      assertThat(first.path("id").asInt()).isEqualTo(1);
      assertThat(first.path("result").path("serverInfo").path("name").asText())
          .isEqualTo("blueprint");

      Path journal = null;
      for (int i = 0; i < 600 && journal == null; i++) {
        journal = committedJournal(repo);
        if (journal == null) {
          Thread.sleep(100);
        }
      }
      assertThat(journal).as("journal committed; stderr:\n" + Files.readString(stderr)).isNotNull();
      assertThat(Files.readString(journal)).contains("status: abandoned\n");
      // The queue moves the branch first and refreshes the checkout's index just after, outside
      // its writer lock: wait for that refresh rather than catch the moment between the two.
      String status = repo.git("status", "--porcelain");
      for (int i = 0; i < 300 && !status.isEmpty(); i++) {
        Thread.sleep(100);
        status = repo.git("status", "--porcelain");
      }
      assertThat(status).isEmpty();

      send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
      send(in, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}");
      JsonNode second = nextExceptListChanged(lines);
      // Nothing the sweep did reached stdout but the protocol's own news of the new journal
      // (resources/list_changed): the next other line is the ping's reply.
      assertThat(second.path("id").asInt()).isEqualTo(2);
    }
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    lines.removeIf(l -> l.contains("\"notifications/resources/list_changed\""));
    assertThat(lines).isEmpty();
    assertThat(Files.readString(stderr)).contains("bp: journal sweep: journaled " + transcript);
  }

  private static Path committedJournal(GitTestRepo repo) throws Exception {
    Path sessions = repo.dir.resolve("sessions");
    if (!Files.isDirectory(sessions)
        || !repo.git("log", "-1", "--format=%s").startsWith("journal: sessions/")) {
      return null;
    }
    try (Stream<Path> files = Files.list(sessions)) {
      return files.filter(f -> f.toString().endsWith(".md")).findFirst().orElse(null);
    }
  }

  private static JsonNode nextExceptListChanged(BlockingQueue<String> lines) throws Exception {
    while (true) {
      JsonNode line = JSON.readTree(lines.poll(60, TimeUnit.SECONDS));
      if (!line.path("method").asText().equals("notifications/resources/list_changed")) {
        return line;
      }
    }
  }

  private static void send(OutputStream in, String line) throws Exception {
    in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
  }
}
