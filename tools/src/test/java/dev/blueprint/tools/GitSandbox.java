package dev.blueprint.tools;

import dev.blueprint.journal.git.GitCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jgit.util.FS;

/**
 * A real git repository on branch {@code main} for integration tests, with its own HOME and git
 * configuration (never the developer's), a fixed author and committer, {@code .blueprint/} ignored
 * and one initial commit of the given files.
 *
 * @param repo the repository's work tree
 * @param env the environment git and child processes run with (PATH included); tests may add to it
 * @param git git with that environment
 */
public record GitSandbox(Path repo, Map<String, String> env, GitCli git) {

  /** A sandbox under {@code tmp} whose first commit holds {@code files} (path to content). */
  public static GitSandbox create(Path tmp, Map<String, String> files) throws IOException {
    Path home = Files.createDirectories(tmp.resolve("home"));
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    Files.writeString(
        home.resolve(".gitconfig"),
        "[user]\n\tname = Blueprint Test\n\temail = bp-test@example.invalid\n"
            + "[commit]\n\tgpgsign = false\n[init]\n\tdefaultBranch = main\n");
    FS.DETECTED.setUserHome(home.toFile()); // JGit reads its user config from here
    Map<String, String> env = new HashMap<>();
    env.put("HOME", home.toString());
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    env.put("GIT_CONFIG_GLOBAL", home.resolve(".gitconfig").toString());
    env.put("GIT_AUTHOR_NAME", "Blueprint Test");
    env.put("GIT_AUTHOR_EMAIL", "bp-test@example.invalid");
    env.put("GIT_COMMITTER_NAME", "Blueprint Test");
    env.put("GIT_COMMITTER_EMAIL", "bp-test@example.invalid");
    GitCli git = new GitCli(env);
    git.runOrThrow(repo, "E", "init", "--quiet", "-b", "main");
    Map<String, String> all = new LinkedHashMap<>(files);
    all.put(".gitignore", ".blueprint/\n");
    for (Map.Entry<String, String> f : all.entrySet()) {
      Files.writeString(repo.resolve(f.getKey()), f.getValue());
    }
    git.runOrThrow(repo, "E", "add", "-A");
    git.runOrThrow(repo, "E", "commit", "--quiet", "-m", "initial");
    env.put("PATH", System.getenv("PATH"));
    return new GitSandbox(repo, env, git);
  }
}
