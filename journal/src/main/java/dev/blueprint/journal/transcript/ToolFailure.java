package dev.blueprint.journal.transcript;

/**
 * A tool call whose result came back marked {@code is_error}.
 *
 * @param tool the tool's name ({@code Bash}, {@code Edit}, ...), or {@code unknown} when the call
 *     is not in the transcript
 * @param subject what the call worked on: the command for Bash, the file for edits, else empty
 * @param message the error text the tool returned
 */
public record ToolFailure(String tool, String subject, String message) {}
