package dev.blueprint.tools.dispatch.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A child process to run: argv exactly as given (no shell parses it), a working directory, extra
 * environment, optional stdin text, a timeout, and where its output goes.
 *
 * @param env variables added to (or, with a null value, removed from) the inherited environment
 * @param stdin text fed to the child's stdin, or null for no input (stdin is then empty)
 * @param logDir folder for {@code <name>.stdout.log}, {@code <name>.stderr.log} and the stdin file
 * @param name base name of the log files
 * @param grace how long a timed-out tree gets between the polite and the forced kill
 */
public record ProcessSpec(
    List<String> argv,
    Path workDir,
    Map<String, String> env,
    String stdin,
    Duration timeout,
    Path logDir,
    String name,
    Duration grace) {

  public static final Duration DEFAULT_GRACE = Duration.ofSeconds(2);

  public ProcessSpec {
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("argv is empty");
    }
    argv = List.copyOf(argv);
    env = env == null ? Map.of() : Collections.unmodifiableMap(new HashMap<>(env));
    grace = grace == null ? DEFAULT_GRACE : grace;
  }

  public static ProcessSpec of(
      List<String> argv, Path workDir, Duration timeout, Path logDir, String name) {
    return new ProcessSpec(argv, workDir, Map.of(), null, timeout, logDir, name, DEFAULT_GRACE);
  }

  public ProcessSpec withEnv(Map<String, String> more) {
    Map<String, String> all = new HashMap<>(env);
    all.putAll(more);
    return new ProcessSpec(argv, workDir, all, stdin, timeout, logDir, name, grace);
  }

  public ProcessSpec withStdin(String text) {
    return new ProcessSpec(argv, workDir, env, text, timeout, logDir, name, grace);
  }

  public ProcessSpec withGrace(Duration g) {
    return new ProcessSpec(argv, workDir, env, stdin, timeout, logDir, name, g);
  }

  public Path stdoutLog() {
    return logDir.resolve(name + ".stdout.log");
  }

  public Path stderrLog() {
    return logDir.resolve(name + ".stderr.log");
  }

  public Path stdinFile() {
    return logDir.resolve(name + ".stdin");
  }
}
