package dev.blueprint.server.report;

/** What the report daemon does with one request: print these bytes, or let the JVM path run. */
public sealed interface ReportReply {

  /** The report ran as a fresh {@code bp report} would, exit code 0, nothing on stderr. */
  record Served(byte[] stdout) implements ReportReply {}

  /** The daemon did not answer; the launcher runs {@code bp report} in a new JVM instead. */
  record Fallback(String reason) implements ReportReply {}
}
