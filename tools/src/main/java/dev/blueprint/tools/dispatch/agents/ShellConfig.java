package dev.blueprint.tools.dispatch.agents;

import dev.blueprint.tools.blueprint.ExecutionConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The shell scripted steps run in, from the blueprint's {@code execution.shell} and {@code
 * shell_flags}. Defaults to {@code bash -e -o pipefail}, as CI runners do.
 */
public record ShellConfig(String shell, List<String> flags) {
  public static final ShellConfig DEFAULT =
      new ShellConfig("bash", List.of("-e", "-o", "pipefail"));

  public ShellConfig {
    flags = List.copyOf(flags);
  }

  public static ShellConfig of(ExecutionConfig execution) {
    if (execution == null || execution.shell() == null || execution.shell().isBlank()) {
      return execution == null || execution.shellFlags().isEmpty()
          ? DEFAULT
          : new ShellConfig(DEFAULT.shell(), execution.shellFlags());
    }
    return new ShellConfig(execution.shell().trim(), execution.shellFlags());
  }

  /** The argv that runs {@code script} as one argument: {@code shell flags... -c script}. */
  public List<String> argv(String script) {
    List<String> argv = new ArrayList<>();
    argv.add(shell);
    argv.addAll(flags);
    argv.add("-c");
    argv.add(script);
    return argv;
  }
}
