package dev.blueprint.hooks.claude;

import dev.blueprint.hooks.git.GitHookResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code bp hooks install} or {@code uninstall} did.
 *
 * @param settingsFile the Claude Code settings file
 * @param changed events whose entry was added, updated or removed
 * @param unchanged events that already had blueprint's entry (install only)
 * @param script the hook script written or removed
 * @param gitHook what happened to the prepare-commit-msg hook, when asked for
 */
public record InstallReport(
    Path settingsFile,
    List<String> changed,
    List<String> unchanged,
    Path script,
    Optional<GitHookResult> gitHook) {

  public InstallReport {
    changed = List.copyOf(changed);
    unchanged = List.copyOf(unchanged);
  }
}
