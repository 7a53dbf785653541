package dev.blueprint.tools.aggregate;

import dev.blueprint.tools.status.BsfError;
import dev.blueprint.tools.status.TokenUsage;
import java.util.Locale;

/** Renders a {@link RunReport} for people: problems first, then cost, then what landed. */
public final class RunReportText {
  private RunReportText() {}

  public static String render(RunReport r) {
    StringBuilder b = new StringBuilder();
    b.append("run ")
        .append(r.runId())
        .append(": ")
        .append(r.state().wire())
        .append(r.successful() ? " (successful)" : " (NOT successful)")
        .append('\n');
    b.append("blueprint ").append(r.blueprint()).append(" onto ").append(r.baseBranch());
    if (r.durationMs() != null) {
      b.append(", took ").append(seconds(r.durationMs()));
    }
    b.append('\n');
    b.append(r.landed()).append(" of ").append(r.scheduled()).append(" tasks landed\n");
    if (!r.runErrors().isEmpty()) {
      b.append("\nrun errors (").append(r.runErrors().size()).append("):\n");
      for (BsfError e : r.runErrors()) {
        b.append("  ").append(error(e)).append('\n');
      }
    }
    if (!r.problems().isEmpty()) {
      b.append("\nproblems (").append(r.problems().size()).append("):\n");
      for (RunReport.Problem p : r.problems()) {
        b.append("  ")
            .append(p.taskId())
            .append(' ')
            .append(p.state().wire())
            .append(" after ")
            .append(p.attempts())
            .append(p.attempts() == 1 ? " attempt" : " attempts")
            .append('\n');
        b.append("    ").append(error(p.error())).append('\n');
        if (p.error().details() != null && p.error().details().exitCode() != null) {
          b.append("    exit code ").append(p.error().details().exitCode()).append('\n');
        }
      }
    }
    b.append("\nagents:\n");
    if (r.agents().isEmpty()) {
      b.append("  none ran\n");
    }
    for (RunReport.AgentUsage a : r.agents()) {
      b.append("  ")
          .append(a.agent())
          .append(": ")
          .append(a.attempts())
          .append(a.attempts() == 1 ? " attempt, " : " attempts, ")
          .append(cost(a.costUsd()))
          .append(", ")
          .append(tokens(a.tokens()))
          .append('\n');
    }
    b.append("  total: ").append(cost(r.costUsd())).append(", ").append(tokens(r.tokens()));
    b.append('\n');
    b.append("\ncommits landed (").append(r.commits().size()).append("):\n");
    for (RunReport.LandedCommit c : r.commits()) {
      b.append("  ").append(c.sha(), 0, Math.min(12, c.sha().length())).append(' ');
      b.append(c.subject()).append('\n');
    }
    return b.toString();
  }

  private static String error(BsfError e) {
    return e.code()
        + (e.phase() == null ? "" : " (" + e.phase().name().toLowerCase(Locale.ROOT) + ")")
        + ": "
        + e.message();
  }

  private static String seconds(long ms) {
    return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
  }

  private static String cost(Double usd) {
    return usd == null ? "cost not reported" : String.format(Locale.ROOT, "$%.4f", usd);
  }

  private static String tokens(TokenUsage t) {
    return String.format(
        Locale.ROOT,
        "%d tokens (%d in, %d out, %d cache read, %d cache write)",
        t.total(),
        t.inputTokens(),
        t.outputTokens(),
        t.cacheReadTokens(),
        t.cacheCreationTokens());
  }
}
