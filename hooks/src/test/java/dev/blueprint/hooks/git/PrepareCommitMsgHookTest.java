package dev.blueprint.hooks.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blueprint.hooks.GitSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hook installed into a real repository and run by real {@code git commit}. */
class PrepareCommitMsgHookTest {

  @TempDir Path tmp;

  @Test
  void addsTheSessionTrailerOnlyWhileASessionIsActive() throws Exception {
    GitSandbox git = new GitSandbox(tmp);
    assertThat(new PrepareCommitMsgHook().install(git.repo()).outcome())
        .isEqualTo(GitHookResult.Outcome.INSTALLED);
    git.commit("a.txt", "a\n", "before the session");
    Path active = git.repo().resolve(".blueprint/spool/active-session");
    Files.createDirectories(active.getParent());
    Files.writeString(active, "sess-77\n");
    git.commit("b.txt", "b\n", "during the session");
    Files.delete(active);
    git.commit("c.txt", "c\n", "after the session");

    assertThat(git.log("%s|%(trailers:key=Session-Id,valueonly)"))
        .containsExactly("after the session|", "during the session|sess-77", "before the session|");
  }

  @Test
  void findsTheActiveSessionOfTheMainWorkTreeFromALinkedWorktree() throws Exception {
    GitSandbox git = new GitSandbox(tmp);
    new PrepareCommitMsgHook().install(git.repo());
    git.commit("a.txt", "a\n", "base");
    Path active = git.repo().resolve(".blueprint/spool/active-session");
    Files.createDirectories(active.getParent());
    Files.writeString(active, "sess-wt\n");
    Path wt = tmp.resolve("wt");
    git.run(git.repo(), "git", "worktree", "add", "-q", "-b", "task", wt.toString());
    Files.writeString(wt.resolve("w.txt"), "w\n");
    git.run(wt, "git", "add", "w.txt");
    git.run(wt, "git", "commit", "-q", "-m", "in the worktree");
    assertThat(
            git.run(wt, "git", "log", "-1", "--format=%(trailers:key=Session-Id,valueonly)")
                .strip())
        .isEqualTo("sess-wt");
  }

  @Test
  void takesTheSessionFromTheEnvironmentFirst() throws Exception {
    GitSandbox git = new GitSandbox(tmp);
    new PrepareCommitMsgHook().install(git.repo());
    Files.writeString(git.repo().resolve("e.txt"), "e\n");
    git.run(git.repo(), "git", "add", "e.txt");
    GitSandbox.Result r =
        git.run(
            git.repo(),
            java.util.Map.of("BP_SESSION_ID", "from-env"),
            null,
            "git",
            "commit",
            "-q",
            "-m",
            "env");
    assertThat(r.exit()).isZero();
    assertThat(git.log("%(trailers:key=Session-Id,valueonly)")).containsExactly("from-env");
  }

  @Test
  void installIsIdempotentAndNeverReplacesOrRemovesAForeignHook() throws Exception {
    GitSandbox git = new GitSandbox(tmp);
    PrepareCommitMsgHook hook = new PrepareCommitMsgHook();
    assertThat(hook.install(git.repo()).outcome()).isEqualTo(GitHookResult.Outcome.INSTALLED);
    assertThat(hook.install(git.repo()).outcome()).isEqualTo(GitHookResult.Outcome.UNCHANGED);
    assertThat(hook.uninstall(git.repo()).outcome()).isEqualTo(GitHookResult.Outcome.REMOVED);

    Path file = git.repo().resolve(".git/hooks/prepare-commit-msg");
    Files.writeString(file, "#!/bin/sh\necho mine\n");
    assertThat(hook.install(git.repo()).outcome())
        .isEqualTo(GitHookResult.Outcome.FOREIGN_HOOK_KEPT);
    assertThat(hook.uninstall(git.repo()).outcome()).isEqualTo(GitHookResult.Outcome.ABSENT);
    assertThat(Files.readString(file)).isEqualTo("#!/bin/sh\necho mine\n");
  }

  @Test
  void followsCoreHooksPath() throws Exception {
    GitSandbox git = new GitSandbox(tmp);
    git.run(git.repo(), "git", "config", "core.hooksPath", "githooks");
    GitHookResult r = new PrepareCommitMsgHook().install(git.repo());
    assertThat(r.hookFile()).isEqualTo(git.repo().resolve("githooks/prepare-commit-msg"));
    assertThat(r.hookFile()).exists();
  }
}
