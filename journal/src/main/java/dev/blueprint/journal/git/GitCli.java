package dev.blueprint.journal.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code git} executable for the few things JGit cannot do (create linked worktrees). The
 * environment overrides let tests and servers pin HOME and the global config.
 */
public final class GitCli {

  /** The exit code and combined output of one git invocation. */
  public record Result(int exitCode, String output) {
    public boolean ok() {
      return exitCode == 0;
    }
  }

  private final Map<String, String> environment;

  /** {@code environment} entries are added to (and override) the inherited environment. */
  public GitCli(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  public static GitCli inheritingEnvironment() {
    return new GitCli(Map.of());
  }

  public Map<String, String> environment() {
    return environment;
  }

  /** Runs {@code git args...} in {@code dir}; never throws for a non-zero exit. */
  public Result run(Path dir, String... args) {
    return run(dir, List.of(args));
  }

  public Result run(Path dir, List<String> args) {
    List<String> command = new ArrayList<>(args.size() + 1);
    command.add("git");
    command.addAll(args);
    return exec(dir, command, environment, 300);
  }

  /** Runs {@code command} in {@code dir} with extra environment, waiting at most the timeout. */
  public static Result exec(
      Path dir, List<String> command, Map<String, String> env, long timeoutSeconds) {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().putAll(env);
    pb.redirectErrorStream(true);
    try {
      Process p = pb.start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Result(124, new String(out, StandardCharsets.UTF_8));
      }
      return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new GitLayerException(
          "E_GIT_CLI", "cannot run " + command.get(0) + ": " + e.getMessage(), dir.toString(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GitLayerException("E_INTERRUPTED", "interrupted running git", dir.toString(), e);
    }
  }

  /** Runs git and throws {@link GitLayerException} {@code code} when it fails. */
  public String runOrThrow(Path dir, String code, String... args) {
    Result r = run(dir, args);
    if (!r.ok()) {
      throw new GitLayerException(
          code, "git " + String.join(" ", args) + " failed: " + r.output().strip(), dir.toString());
    }
    return r.output();
  }
}
