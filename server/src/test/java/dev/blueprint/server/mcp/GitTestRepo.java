package dev.blueprint.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real git repository for a test, with its own HOME and git config (fixed author, no signing),
 * driven by the git executable.
 */
final class GitTestRepo {
  final Path dir;
  final Path home;
  final Map<String, String> env = new HashMap<>();

  GitTestRepo(Path tmp) throws Exception {
    home = Files.createDirectories(tmp.resolve("home"));
    Files.writeString(
        home.resolve(".gitconfig"),
        "[user]\n\tname = Blueprint Test\n\temail = bp-test@example.invalid\n"
            + "[commit]\n\tgpgsign = false\n");
    env.put("HOME", home.toString());
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    env.put("GIT_CONFIG_GLOBAL", home.resolve(".gitconfig").toString());
    dir = Files.createDirectories(tmp.resolve("repo"));
    git("init", "-q", "-b", "main");
    git("config", "user.name", "Blueprint Test");
    git("config", "user.email", "bp-test@example.invalid");
    write("README.md", "hello\n");
    git("add", ".");
    git("commit", "-q", "-m", "initial");
  }

  String git(String... args) throws Exception {
    return gitIn(dir, args);
  }

  String gitIn(Path where, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("git"));
    cmd.addAll(Arrays.asList(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(where.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as("git %s: %s", String.join(" ", args), out).isZero();
    return out.strip();
  }

  void write(String path, String content) throws IOException {
    Path p = dir.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  /**
   * {@code bp serve --repo where} as the stdio client should spawn it, with this repository's HOME
   * as {@code user.home} (the client passes only a few environment variables on).
   */
  List<String> serveCommand(Path where) {
    List<String> cmd = new ArrayList<>(ServerProcess.command("serve", "--repo", where.toString()));
    cmd.add(1, "-Duser.home=" + home);
    return cmd;
  }
}
