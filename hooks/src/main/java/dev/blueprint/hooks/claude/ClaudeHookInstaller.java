package dev.blueprint.hooks.claude;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.blueprint.hooks.AtomicFile;
import dev.blueprint.hooks.HookScripts;
import dev.blueprint.hooks.git.GitHookResult;
import dev.blueprint.hooks.git.PrepareCommitMsgHook;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Installs blueprint's Claude Code hooks into a repository: the hook script under {@code
 * .blueprint/hooks/}, entries for SessionStart and SessionEnd (and Stop on request) merged into
 * {@code .claude/settings.json}, and optionally the prepare-commit-msg git hook. Installing twice
 * changes nothing; uninstalling removes only what install added.
 */
public final class ClaudeHookInstaller {

  /** The settings file Claude Code reads for a project, shared through git. */
  public static final String SETTINGS = ".claude/settings.json";

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path repoRoot;

  public ClaudeHookInstaller(Path repoRoot) {
    this.repoRoot = repoRoot.toAbsolutePath().normalize();
  }

  /**
   * Installs the hooks.
   *
   * @param bpCommand the {@code bp} launcher the hook script starts to write journals
   * @param withStop also journal at every Stop (an active journal, rewritten as the session goes)
   * @param withGit also install the prepare-commit-msg hook
   */
  public InstallReport install(String bpCommand, boolean withStop, boolean withGit)
      throws IOException {
    Path settingsFile = repoRoot.resolve(SETTINGS);
    ObjectNode settings = readSettings(settingsFile);
    Path script = repoRoot.resolve(ClaudeSettings.MARKER);
    AtomicFile.write(script, HookScripts.claudeHook(bpCommand));
    executable(script);
    Path spoolIgnore = repoRoot.resolve(".blueprint/spool/.gitignore");
    if (!Files.exists(spoolIgnore)) {
      AtomicFile.write(spoolIgnore, "*\n");
    }
    List<String> changed = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    List<String> events = new ArrayList<>(List.of("SessionStart", "SessionEnd"));
    if (withStop) {
      events.add("Stop");
    }
    for (String event : events) {
      (ClaudeSettings.add(settings, event) ? changed : unchanged).add(event);
    }
    if (!changed.isEmpty()) {
      AtomicFile.write(settingsFile, render(settings));
    }
    Optional<GitHookResult> git =
        withGit ? Optional.of(new PrepareCommitMsgHook().install(repoRoot)) : Optional.empty();
    return new InstallReport(settingsFile, changed, unchanged, script, git);
  }

  /** Removes blueprint's settings entries, its hook script and (when asked) its git hook. */
  public InstallReport uninstall(boolean withGit) throws IOException {
    Path settingsFile = repoRoot.resolve(SETTINGS);
    List<String> changed = new ArrayList<>();
    if (Files.exists(settingsFile)) {
      ObjectNode settings = readSettings(settingsFile);
      int removed = ClaudeSettings.removeAll(settings);
      if (removed > 0) {
        changed.add(removed + " entr" + (removed == 1 ? "y" : "ies"));
        AtomicFile.write(settingsFile, render(settings));
      }
    }
    Path script = repoRoot.resolve(ClaudeSettings.MARKER);
    Files.deleteIfExists(script);
    Optional<GitHookResult> git =
        withGit ? Optional.of(new PrepareCommitMsgHook().uninstall(repoRoot)) : Optional.empty();
    return new InstallReport(settingsFile, changed, List.of(), script, git);
  }

  private static ObjectNode readSettings(Path file) throws IOException {
    if (!Files.exists(file)) {
      return JSON.createObjectNode();
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    if (text.isBlank()) {
      return JSON.createObjectNode();
    }
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new InvalidSettingsException(
          file,
          "not valid JSON (line "
              + e.getLocation().getLineNr()
              + ": "
              + e.getOriginalMessage()
              + ")");
    }
    if (!(node instanceof ObjectNode o)) {
      throw new InvalidSettingsException(file, "not a JSON object");
    }
    if (o.has("hooks") && !o.get("hooks").isObject()) {
      throw new InvalidSettingsException(file, "\"hooks\" is not an object");
    }
    return o;
  }

  /** Two-space indentation and {@code "key": value}, the way Claude Code writes the file. */
  private static String render(ObjectNode settings) throws JsonProcessingException {
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    printer.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
    printer.indentObjectsWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
    return JSON.writer(printer).writeValueAsString(settings) + "\n";
  }

  private static void executable(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (UnsupportedOperationException e) {
      file.toFile().setExecutable(true);
    }
  }
}
