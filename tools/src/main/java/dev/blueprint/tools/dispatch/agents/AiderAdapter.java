package dev.blueprint.tools.dispatch.agents;

import dev.blueprint.tools.dispatch.process.ProcessOutput;
import dev.blueprint.tools.status.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Aider in message mode: {@code aider --message <prompt> --yes --no-auto-commits --no-stream
 * [--model M] [files...]}. Blueprint commits the workspace itself, so aider must not. Aider prints
 * text; after each exchange a line {@code Tokens: 2.3k sent, 150 received. Cost: $0.01 message,
 * $0.02 session.}, which is read for tokens and cost (the last session cost wins).
 */
public final class AiderAdapter implements AgentAdapter {
  private static final Pattern TOKENS =
      Pattern.compile(
          "Tokens:\\s*([\\d.,]+)([kKmM]?) sent(?:,\\s*([\\d.,]+)([kKmM]?) cache write)?(?:,\\s*([\\d.,]+)([kKmM]?) cache hit)?,\\s*([\\d.,]+)([kKmM]?) received\\.?"
              + "(?:\\s*Cost:\\s*\\$([\\d.]+) message,\\s*\\$([\\d.]+) session\\.?)?");

  private final String executable;

  public AiderAdapter(String executable) {
    this.executable = executable;
  }

  @Override
  public String name() {
    return "aider";
  }

  @Override
  public AgentInvocation invocation(AgentRequest request) {
    List<String> argv =
        new ArrayList<>(
            List.of(
                executable,
                "--message",
                request.prompt(),
                "--yes",
                "--no-auto-commits",
                "--no-stream"));
    if (request.model() != null) {
      argv.addAll(List.of("--model", request.model()));
    }
    argv.addAll(request.files());
    return new AgentInvocation(argv, null, request.env());
  }

  @Override
  public AgentResult parse(int exitCode, ProcessOutput output) {
    TokenUsage tokens = TokenUsage.NONE;
    Double sessionCost = null;
    Matcher m = TOKENS.matcher(output.stdoutTail());
    while (m.find()) {
      tokens =
          tokens.plus(
              new TokenUsage(
                  count(m.group(1), m.group(2)),
                  count(m.group(7), m.group(8)),
                  count(m.group(5), m.group(6)),
                  count(m.group(3), m.group(4))));
      if (m.group(10) != null) {
        sessionCost = Double.parseDouble(m.group(10));
      }
    }
    String summary = Outputs.lastLines(output.stdoutTail(), 10);
    if (exitCode != 0) {
      summary = "aider exited " + exitCode + ": " + Outputs.lastLines(output.stderrTail(), 5);
    }
    return new AgentResult(exitCode == 0, summary, sessionCost, tokens, null, null);
  }

  /** Aider abbreviates: {@code 2.3k}, {@code 1.2M}, {@code 1,234}. */
  static long count(String number, String suffix) {
    if (number == null) {
      return 0;
    }
    double v = Double.parseDouble(number.replace(",", ""));
    double mult =
        switch (suffix == null ? "" : suffix.toLowerCase(Locale.ROOT)) {
          case "k" -> 1_000;
          case "m" -> 1_000_000;
          default -> 1;
        };
    return Math.round(v * mult);
  }
}
