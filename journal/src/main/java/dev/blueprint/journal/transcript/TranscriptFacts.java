package dev.blueprint.journal.transcript;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a Claude Code transcript says about its session, as plain values.
 *
 * @param sessionId the session id found on the lines ({@code sessionId}), empty if none carried one
 * @param cwd the working directory of the first line that named one
 * @param models every model that answered, in order of first use
 * @param editedFiles files touched by Edit, Write, MultiEdit and NotebookEdit, in order of first
 *     edit
 * @param commands Bash commands, in the order they ran
 * @param usage token usage, each assistant message counted once
 * @param firstTimestamp the earliest timestamp on any line
 * @param lastTimestamp the latest timestamp on any line
 * @param summaries the texts of {@code summary} lines
 * @param toolFailures every tool result marked {@code is_error}, with the call it answered
 * @param lines lines read, blank ones excluded
 * @param malformedLines lines that were not a JSON object and were skipped
 */
public record TranscriptFacts(
    Optional<String> sessionId,
    Optional<String> cwd,
    List<String> models,
    List<String> editedFiles,
    List<String> commands,
    TokenUsage usage,
    Optional<Instant> firstTimestamp,
    Optional<Instant> lastTimestamp,
    List<String> summaries,
    List<ToolFailure> toolFailures,
    int lines,
    int malformedLines) {

  public TranscriptFacts {
    models = List.copyOf(models);
    editedFiles = List.copyOf(editedFiles);
    commands = List.copyOf(commands);
    summaries = List.copyOf(summaries);
    toolFailures = List.copyOf(toolFailures);
  }

  /** The model that answered last, which is the one a journal names. */
  public Optional<String> lastModel() {
    return models.isEmpty() ? Optional.empty() : Optional.of(models.get(models.size() - 1));
  }
}
