package dev.blueprint.server.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Locale;

/**
 * Logback's configuration for every {@code bp} process, in code: found by ServiceLoader ({@code
 * META-INF/services}) and ranked above logback's own XML lookup, so no XML parser runs at start-up
 * (Joran cost about 0.1-0.15 s of every command's start on this machine).
 *
 * <p>Every line goes to stderr: stdout belongs to command output and to the MCP protocol. Root
 * level {@code WARN}, or {@code BP_LOG_LEVEL} (a system property, else the environment variable). A
 * file named by {@code -Dlogback.configurationFile} still wins: then this configurator steps aside.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class StderrLogConfigurator extends ContextAwareBase implements Configurator {
  /** The layout of a log line. */
  public static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n";

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();

    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(context);
    stderr.setName("STDERR");
    stderr.setTarget("System.err");
    stderr.setEncoder(encoder);
    stderr.start();

    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(rootLevel(System.getProperty("BP_LOG_LEVEL", System.getenv("BP_LOG_LEVEL"))));
    root.addAppender(stderr);
    // Concurrent bp processes race to clean up each other's stale copies of SQLite's native
    // library in the temp folder; the loser logs an error with a stack trace that is only noise (a
    // real load failure still surfaces as an exception where the store opens).
    context.getLogger("org.sqlite.SQLiteJDBCLoader").setLevel(Level.OFF);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** {@code BP_LOG_LEVEL} as a level (any case); WARN when unset or not a level name. */
  static Level rootLevel(String value) {
    if (value == null || value.isBlank()) {
      return Level.WARN;
    }
    return Level.toLevel(value.strip().toUpperCase(Locale.ROOT), Level.WARN);
  }
}
