package dev.blueprint.journal.workrate;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/** Renders a {@link WorkRateReport} as GitHub-flavoured markdown tables. */
public final class MarkdownReport {
  private MarkdownReport() {}

  /** The whole report, ending with a newline. */
  public static String render(WorkRateReport r) {
    StringBuilder out = new StringBuilder();
    GroupRate total = r.total();
    out.append("# Effective work rate\n\n")
        .append("Measured at `")
        .append(shortSha(r.head()))
        .append("`: ")
        .append(total.sessions())
        .append(total.sessions() == 1 ? " session, " : " sessions, ")
        .append(total.linesAdded())
        .append(" lines added, ")
        .append(total.linesAlive())
        .append(" alive, rate ")
        .append(percent(total.rate()))
        .append(".\n\n## Sessions\n\n")
        .append("| Session | Date | Agent | Model | Lines added | Lines alive | Rate | Outcome |\n")
        .append("|---|---|---|---|--:|--:|--:|---|\n");
    for (SessionRate s : r.sessions()) {
      row(
          out,
          s.id(),
          s.date().toString(),
          s.agent(),
          s.model(),
          Integer.toString(s.linesAdded()),
          Integer.toString(s.linesAlive()),
          percent(s.rate()),
          s.outcome().label());
    }
    out.append("\n## By agent and model\n\n")
        .append("| Agent | Model | Sessions | Lines added | Lines alive | Rate |\n")
        .append("|---|---|--:|--:|--:|--:|\n");
    groups(out, r.byAgentModel());
    out.append("\n## By blueprint\n\n")
        .append("| Blueprint | Sessions | Lines added | Lines alive | Rate |\n")
        .append("|---|--:|--:|--:|--:|\n");
    groups(out, r.byBlueprint());
    String period = r.period() == WorkRateReport.Period.WEEK ? "Week" : "Day";
    out.append("\n## By ")
        .append(period.toLowerCase(Locale.ROOT))
        .append("\n\n| ")
        .append(period)
        .append(" | Sessions | Lines added | Lines alive | Rate |\n")
        .append("|---|--:|--:|--:|--:|\n");
    groups(out, r.byPeriod());
    return out.toString();
  }

  private static void groups(StringBuilder out, List<GroupRate> groups) {
    for (GroupRate g : groups) {
      String[] cells = new String[g.key().size() + 4];
      for (int i = 0; i < g.key().size(); i++) {
        cells[i] = g.key().get(i);
      }
      int k = g.key().size();
      cells[k] = Integer.toString(g.sessions());
      cells[k + 1] = Integer.toString(g.linesAdded());
      cells[k + 2] = Integer.toString(g.linesAlive());
      cells[k + 3] = percent(g.rate());
      row(out, cells);
    }
  }

  private static void row(StringBuilder out, String... cells) {
    out.append('|');
    for (String c : cells) {
      out.append(' ').append(c.replace("|", "\\|").replace('\n', ' ')).append(" |");
    }
    out.append('\n');
  }

  /** {@code 87.5%}, or {@code n/a} when nothing was added. */
  static String percent(OptionalDouble rate) {
    return rate.isPresent()
        ? String.format(Locale.ROOT, "%.1f%%", rate.getAsDouble() * 100)
        : "n/a";
  }

  static String shortSha(String sha) {
    return sha == null ? "none" : sha.substring(0, Math.min(12, sha.length()));
  }
}
