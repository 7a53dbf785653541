package dev.blueprint.server.report;

import java.nio.file.Path;
import java.util.List;

/**
 * Runs one {@code bp report} for the daemon exactly as a fresh process in {@code cwd} with these
 * arguments would, refusing (with a {@link ReportReply.Fallback}) anything it cannot reproduce byte
 * for byte: another repository, help, errors, anything written to stderr.
 */
@FunctionalInterface
public interface ReportRunner {
  ReportReply run(Path workTree, Path cwd, List<String> args);
}
