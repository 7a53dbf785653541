package dev.blueprint.hooks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The POSIX shell scripts blueprint installs, kept as resources next to this class. */
public final class HookScripts {
  private HookScripts() {}

  /**
   * The Claude Code hook script, starting {@code bpCommand} (the {@code bp} launcher) to write the
   * journal.
   */
  public static String claudeHook(String bpCommand) {
    if (bpCommand.contains("'") || bpCommand.contains("\"") || bpCommand.contains("\n")) {
      throw new IllegalArgumentException("bp launcher path must not contain quotes: " + bpCommand);
    }
    return resource("claude-hook.sh").replace("@BP@", bpCommand);
  }

  /** The prepare-commit-msg git hook. */
  public static String prepareCommitMsg() {
    return resource("prepare-commit-msg");
  }

  private static String resource(String name) {
    try (InputStream in = HookScripts.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name + " in the hooks jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
