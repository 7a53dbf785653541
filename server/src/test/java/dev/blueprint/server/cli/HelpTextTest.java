package dev.blueprint.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Picocli formats help text with String.format: a lone '%' makes it warn on stderr at every {@code
 * --help} of that command and print the text unformatted.
 */
class HelpTextTest {

  @Test
  void everyCommandRendersItsHelpWithoutPicocliWarnings() {
    PrintStream realErr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    int commands = 0;
    try {
      // picocli's own warnings go to System.err, not to the command line's writers
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      Deque<CommandLine> todo = new ArrayDeque<>(List.of(Main.commandLine()));
      while (!todo.isEmpty()) {
        CommandLine cli = todo.pop();
        commands++;
        todo.addAll(cli.getSubcommands().values());
        assertThat(cli.getUsageMessage()).contains("Usage:");
      }
    } finally {
      System.setErr(realErr);
    }
    assertThat(commands).isGreaterThan(15);
    assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
  }
}
