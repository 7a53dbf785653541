package dev.blueprint.tools.dispatch.process;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What a finished child printed: the last {@link ProcessRunner#TAIL_BYTES} of each stream in
 * memory, the full streams in their log files, and the byte counts.
 */
public record ProcessOutput(
    String stdoutTail,
    String stderrTail,
    long stdoutBytes,
    long stderrBytes,
    Path stdoutLog,
    Path stderrLog,
    Duration duration) {}
