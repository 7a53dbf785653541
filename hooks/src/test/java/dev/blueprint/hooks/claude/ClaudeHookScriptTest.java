package dev.blueprint.hooks.claude;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blueprint.hooks.GitSandbox;
import dev.blueprint.hooks.spool.HookSpool;
import dev.blueprint.hooks.spool.SpoolRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the installed hook script with sh, fed the JSON Claude Code sends on stdin. */
class ClaudeHookScriptTest {

  @TempDir Path tmp;

  private static String input(String event, String session, Path transcript, Path cwd) {
    return "{\"session_id\":\""
        + session
        + "\",\"transcript_path\":\""
        + transcript
        + "\",\"cwd\":\""
        + cwd
        + "\",\"hook_event_name\":\""
        + event
        + "\",\"reason\":\"prompt_input_exit\"}";
  }

  private static List<Path> spoolFiles(Path repo) throws Exception {
    try (Stream<Path> s = Files.list(repo.resolve(HookSpool.FOLDER))) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  @Test
  void sessionStartSpoolsItsInputWithTheHeadCommitAndMarksTheSessionActive() throws Exception {
    GitSandbox git = new GitSandbox(tmp);
    git.commit("a.txt", "a\n", "first");
    String head = git.run(git.repo(), "git", "rev-parse", "HEAD").strip();
    new ClaudeHookInstaller(git.repo()).install("/nonexistent/bp", false, false);

    GitSandbox.Result r =
        git.run(
            git.repo(),
            Map.of("CLAUDE_PROJECT_DIR", git.repo().toString()),
            input("SessionStart", "sess-1", tmp.resolve("t.jsonl"), git.repo()),
            "sh",
            ".blueprint/hooks/claude-hook.sh",
            "SessionStart");

    assertThat(r.exit()).isZero();
    assertThat(r.stdout()).isEmpty();
    List<Path> files = spoolFiles(git.repo());
    assertThat(files)
        .singleElement()
        .satisfies(
            f -> assertThat(f.getFileName().toString()).endsWith("-sess-1-SessionStart.json"));
    SpoolRecord rec = HookSpool.of(git.repo()).read(files.get(0));
    assertThat(rec.event()).isEqualTo("SessionStart");
    assertThat(rec.headCommit()).contains(head);
    assertThat(rec.transcriptPath()).contains(tmp.resolve("t.jsonl"));
    assertThat(HookSpool.of(git.repo()).startCommit("sess-1")).contains(head);
    assertThat(Files.readString(git.repo().resolve(".blueprint/spool/active-session")))
        .isEqualTo("sess-1\n");
    try (Stream<Path> s = Files.list(git.repo().resolve(HookSpool.FOLDER))) {
      assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @Test
  void sessionEndSpoolsAndStartsTheWriterDetachedBeforeReturning() throws Exception {
    GitSandbox git = new GitSandbox(tmp);
    new ClaudeHookInstaller(git.repo()).install("bp", false, false);
    Files.writeString(git.repo().resolve(".blueprint/spool/active-session"), "sess-2\n");
    // a recording launcher stands in for bp; it blocks until released, so the hook can only have
    // returned (within the sandbox's 30 s wait) if it did not wait for the writer
    Path launcher = tmp.resolve("fake-bp.sh");
    Path record = tmp.resolve("launched.txt");
    Path release = tmp.resolve("release");
    Files.writeString(
        launcher,
        "#!/bin/sh\nwhile [ ! -f \""
            + release
            + "\" ]; do sleep 0.1; done\necho \"$@\" > \""
            + record
            + "\"\n");
    launcher.toFile().setExecutable(true);

    GitSandbox.Result r =
        git.run(
            git.repo(),
            Map.of("CLAUDE_PROJECT_DIR", git.repo().toString(), "BP_HOOK_BP", launcher.toString()),
            input("SessionEnd", "sess-2", tmp.resolve("t.jsonl"), git.repo()),
            "sh",
            ".blueprint/hooks/claude-hook.sh",
            "SessionEnd");

    assertThat(r.exit()).isZero();
    assertThat(record).as("the writer is still waiting for its release").doesNotExist();
    Files.writeString(release, "go");
    Path spooled = spoolFiles(git.repo()).get(0);
    SpoolRecord rec = HookSpool.of(git.repo()).read(spooled);
    assertThat(rec.sessionId()).isEqualTo("sess-2");
    assertThat(rec.reason()).contains("prompt_input_exit");
    assertThat(rec.headCommit()).isEmpty();
    assertThat(git.repo().resolve(".blueprint/spool/active-session")).doesNotExist();
    for (int i = 0; i < 100 && !(Files.exists(record) && Files.size(record) > 0); i++) {
      Thread.sleep(100);
    }
    assertThat(Files.readString(record).strip()).isEqualTo("journal write --spool " + spooled);
  }

  @Test
  void spoolsAnInputWithoutASessionIdUnderUnknownAndStillExitsZero() throws Exception {
    GitSandbox git = new GitSandbox(tmp);
    new ClaudeHookInstaller(git.repo()).install("/bin/true", false, false);
    GitSandbox.Result r =
        git.run(
            git.repo(),
            Map.of("CLAUDE_PROJECT_DIR", git.repo().toString()),
            "not json at all",
            "sh",
            ".blueprint/hooks/claude-hook.sh",
            "Stop");
    assertThat(r.exit()).isZero();
    assertThat(spoolFiles(git.repo()))
        .singleElement()
        .satisfies(f -> assertThat(f.getFileName().toString()).endsWith("-unknown-Stop.json"));
    awaitDetachedWriter(git.repo());
  }

  /**
   * The hook starts the writer detached and returns at once; the writer's shell creates writer.log
   * a moment later. Waiting for it keeps that file from appearing while the temp folder is being
   * deleted.
   */
  private static void awaitDetachedWriter(Path repo) throws InterruptedException {
    Path log = repo.resolve(HookSpool.FOLDER).resolve("writer.log");
    for (int i = 0; i < 100 && !Files.exists(log); i++) {
      Thread.sleep(50);
    }
    assertThat(log).exists();
  }
}
