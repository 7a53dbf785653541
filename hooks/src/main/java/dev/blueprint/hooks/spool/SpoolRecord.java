package dev.blueprint.hooks.spool;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One hook call as the hook script spooled it.
 *
 * @param file the spool file
 * @param event {@code SessionStart}, {@code SessionEnd} or {@code Stop}
 * @param receivedAt when the hook ran, as the script wrote it ({@code 20260112T220000Z})
 * @param headCommit HEAD at SessionStart, empty for other events
 * @param sessionId Claude Code's session id
 * @param transcriptPath the session's transcript file
 * @param cwd the session's working directory
 * @param reason why the session ended (SessionEnd only: {@code clear}, {@code logout}, ...)
 */
public record SpoolRecord(
    Path file,
    String event,
    String receivedAt,
    Optional<String> headCommit,
    String sessionId,
    Optional<Path> transcriptPath,
    Optional<String> cwd,
    Optional<String> reason) {}
