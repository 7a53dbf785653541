package dev.blueprint.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class StderrLogConfiguratorTest {

  @Test
  void sendsEveryLineToStderrWithThePatternAtWarnAndSilencesTheSqliteLoader() {
    LoggerContext context = new LoggerContext();
    StderrLogConfigurator configurator = new StderrLogConfigurator();
    configurator.setContext(context);

    Configurator.ExecutionStatus status = configurator.configure(context);

    assertThat(status).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(root.getLevel()).isEqualTo(Level.WARN);
    ConsoleAppender<?> appender = (ConsoleAppender<?>) root.getAppender("STDERR");
    assertThat(appender.getTarget()).isEqualTo("System.err");
    assertThat(appender.isStarted()).isTrue();
    assertThat(((PatternLayoutEncoder) appender.getEncoder()).getPattern())
        .isEqualTo("%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n");
    assertThat(context.getLogger("org.sqlite.SQLiteJDBCLoader").getLevel()).isEqualTo(Level.OFF);
    assertThat(root.iteratorForAppenders()).toIterable().hasSize(1);
  }

  @Test
  void takesTheRootLevelFromBpLogLevelInAnyCaseAndFallsBackToWarn() {
    assertThat(StderrLogConfigurator.rootLevel("debug")).isEqualTo(Level.DEBUG);
    assertThat(StderrLogConfigurator.rootLevel(" INFO ")).isEqualTo(Level.INFO);
    assertThat(StderrLogConfigurator.rootLevel("loud")).isEqualTo(Level.WARN);
    assertThat(StderrLogConfigurator.rootLevel(null)).isEqualTo(Level.WARN);
  }

  @Test
  void isTheConfigurationLogbackPicksByItselfThroughServiceLoader() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(root.getAppender("STDERR")).isInstanceOf(ConsoleAppender.class);
    assertThat(((ConsoleAppender<?>) root.getAppender("STDERR")).getTarget())
        .isEqualTo("System.err");
    assertThat(context.getLogger("org.sqlite.SQLiteJDBCLoader").getLevel()).isEqualTo(Level.OFF);
  }
}
