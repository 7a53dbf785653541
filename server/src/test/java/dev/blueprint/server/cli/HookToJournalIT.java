package dev.blueprint.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path for real: the installed hook script, run with sh at SessionStart and SessionEnd,
 * starts the packaged {@code bp} jar detached, which journals the session's transcript and the
 * commits made since SessionStart. Git runs with its own HOME and config; the child JVM gets the
 * same HOME as {@code user.home}, so JGit reads no developer configuration either.
 */
class HookToJournalIT {

  @TempDir Path tmp;

  private Map<String, String> env(Path home) {
    return Map.of(
        "HOME", home.toString(),
        "GIT_CONFIG_NOSYSTEM", "1",
        "GIT_CONFIG_GLOBAL", home.resolve("gitconfig").toString(),
        "GIT_AUTHOR_NAME", "Test Author",
        "GIT_AUTHOR_EMAIL", "author@example.com",
        "GIT_COMMITTER_NAME", "Test Author",
        "GIT_COMMITTER_EMAIL", "author@example.com");
  }

  private String run(Path dir, Map<String, String> env, String stdin, String... cmd)
      throws Exception {
    ProcessBuilder pb = new ProcessBuilder(List.of(cmd)).directory(dir.toFile());
    pb.environment().putAll(env);
    Path out = Files.createTempFile(tmp, "out", ".txt");
    pb.redirectOutput(out.toFile()).redirectErrorStream(true);
    Process p = pb.start();
    try (var in = p.getOutputStream()) {
      if (stdin != null) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
    }
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String text = Files.readString(out);
    assertThat(p.exitValue()).as(String.join(" ", cmd) + "\n" + text).isZero();
    return text;
  }

  @Test
  void sessionEndHookJournalsTheSessionThroughTheRealJar() throws Exception {
    Path jar = Path.of("target/bp.jar").toAbsolutePath();
    assertThat(jar).as("the shaded jar is built in the package phase").exists();
    Path home = Files.createDirectories(tmp.resolve("home"));
    Files.writeString(home.resolve("gitconfig"), "[commit]\n\tgpgsign = false\n");
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    Map<String, String> env = env(home);
    JGitIsolation.apply(home); // the in-process `bp hooks install --git` opens the repository
    run(repo, env, null, "git", "init", "-q", "-b", "main");
    Files.writeString(repo.resolve("a.txt"), "a\n");
    run(repo, env, null, "git", "add", "a.txt");
    run(repo, env, null, "git", "commit", "-q", "-m", "before the session");

    Path launcher = tmp.resolve("bp-launcher.sh");
    Files.writeString(
        launcher,
        "#!/bin/sh\nexec java -Duser.home=\"$HOME\" -XX:TieredStopAtLevel=1 -jar '"
            + jar
            + "' \"$@\"\n");
    launcher.toFile().setExecutable(true);
    CliRun install =
        CliRun.of(
            "hooks", "install", "--repo", repo.toString(), "--git", "--bp", launcher.toString());
    assertThat(install.exit()).as(install.err()).isZero();

    Path transcript = tmp.resolve("sess-e2e.jsonl");
    Files.writeString(
        transcript,
        "{\"type\":\"assistant\",\"sessionId\":\"sess-e2e\",\"cwd\":\""
            + repo
            + "\",\"timestamp\":\"2026-01-12T10:00:00Z\","
            + "\"requestId\":\"req_1\",\"message\":{\"id\":\"msg_1\",\"model\":\"claude-opus-4-5\",\"content\":"
            + "[{\"type\":\"tool_use\",\"id\":\"t1\",\"name\":\"Write\",\"input\":{\"file_path\":\""
            + repo.resolve("b.txt")
            + "\"}}],"
            + "\"usage\":{\"input_tokens\":3,\"output_tokens\":4}}}\n");
    Map<String, String> hookEnv = new java.util.HashMap<>(env);
    hookEnv.put("CLAUDE_PROJECT_DIR", repo.toString());
    String input =
        "{\"session_id\":\"sess-e2e\",\"transcript_path\":\""
            + transcript
            + "\",\"cwd\":\""
            + repo
            + "\",\"hook_event_name\":\"%s\",\"reason\":\"exit\"}";

    run(
        repo,
        hookEnv,
        input.formatted("SessionStart"),
        "sh",
        ".blueprint/hooks/claude-hook.sh",
        "SessionStart");
    Files.writeString(repo.resolve("b.txt"), "b\nc\n");
    run(repo, env, null, "git", "add", "b.txt");
    run(repo, env, null, "git", "commit", "-q", "-m", "during the session");
    run(
        repo,
        hookEnv,
        input.formatted("SessionEnd"),
        "sh",
        ".blueprint/hooks/claude-hook.sh",
        "SessionEnd");

    Path journal = repo.resolve("sessions/2026-01-12-001-claude-code.md");
    for (int i = 0;
        i < 600 && !(Files.exists(journal) && Files.size(journal) > 0 && spoolEmpty(repo));
        i++) {
      Thread.sleep(100);
    }
    assertThat(journal).exists();
    String text = Files.readString(journal);
    assertThat(text)
        .contains(
            "session_id: \"sess-e2e\"",
            "status: complete\n",
            "` during the session\n",
            "| `b.txt` | 2 | 0 |")
        .doesNotContain("before the session");
    assertThat(
            run(
                    repo,
                    env,
                    null,
                    "git",
                    "log",
                    "-1",
                    "--format=%(trailers:key=Session-Id,valueonly)")
                .strip())
        .isEqualTo("sess-e2e");
    assertThat(spoolEmpty(repo)).isTrue();
  }

  private static boolean spoolEmpty(Path repo) throws Exception {
    try (Stream<Path> s = Files.list(repo.resolve(".blueprint/spool"))) {
      return s.noneMatch(p -> p.toString().endsWith(".json"));
    }
  }
}
