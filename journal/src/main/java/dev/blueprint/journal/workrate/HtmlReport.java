package dev.blueprint.journal.workrate;

import java.util.List;

/**
 * Renders a {@link WorkRateReport} as one self-contained HTML page: the charts drawn by {@link
 * SvgCharts} and the same tables as the markdown report. No scripts, no external resources.
 */
public final class HtmlReport {
  private HtmlReport() {}

  /** The whole page. */
  public static String render(WorkRateReport r) {
    GroupRate total = r.total();
    StringBuilder out = new StringBuilder();
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>Effective work rate</title>\n<style>\n")
        .append("body{font-family:system-ui,sans-serif;margin:2em;max-width:60em;color:#222}\n")
        .append("table{border-collapse:collapse;margin:1em 0}")
        .append("td,th{border:1px solid #ccc;padding:.25em .6em}td.n{text-align:right}\n")
        .append(".chart{width:100%;max-width:720px;font-size:11px}.grid{stroke:#ddd}\n")
        .append(".bar{fill:#4a7fb5}circle.session{fill:#4a7fb5}")
        .append("circle.too-early{fill:#bbb}circle.not-used{fill:#c0392b}\n")
        .append("</style>\n</head>\n<body>\n<h1>Effective work rate</h1>\n<p>Measured at <code>")
        .append(escape(MarkdownReport.shortSha(r.head())))
        .append("</code>: ")
        .append(total.sessions())
        .append(" sessions, ")
        .append(total.linesAdded())
        .append(" lines added, ")
        .append(total.linesAlive())
        .append(" alive, rate ")
        .append(MarkdownReport.percent(total.rate()))
        .append(".</p>\n<h2>Rate per session over time</h2>\n")
        .append(SvgCharts.ratePerSession(r.sessions()))
        .append("<h2>Rate per agent and model</h2>\n")
        .append(SvgCharts.ratePerAgent(r.byAgentModel()))
        .append("<h2>Sessions</h2>\n<table>\n<tr><th>Session</th><th>Date</th><th>Agent</th>")
        .append("<th>Model</th><th>Lines added</th><th>Lines alive</th><th>Rate</th>")
        .append("<th>Outcome</th></tr>\n");
    for (SessionRate s : r.sessions()) {
      out.append("<tr>");
      cell(out, s.id(), false);
      cell(out, s.date().toString(), false);
      cell(out, s.agent(), false);
      cell(out, s.model(), false);
      cell(out, Integer.toString(s.linesAdded()), true);
      cell(out, Integer.toString(s.linesAlive()), true);
      cell(out, MarkdownReport.percent(s.rate()), true);
      cell(out, s.outcome().label(), false);
      out.append("</tr>\n");
    }
    out.append("</table>\n");
    groups(out, "By agent and model", List.of("Agent", "Model"), r.byAgentModel());
    groups(out, "By blueprint", List.of("Blueprint"), r.byBlueprint());
    groups(
        out,
        r.period() == WorkRateReport.Period.WEEK ? "By week" : "By day",
        List.of(r.period() == WorkRateReport.Period.WEEK ? "Week" : "Day"),
        r.byPeriod());
    return out.append("</body>\n</html>\n").toString();
  }

  private static void groups(
      StringBuilder out, String title, List<String> heads, List<GroupRate> groups) {
    out.append("<h2>").append(title).append("</h2>\n<table>\n<tr>");
    for (String h : heads) {
      out.append("<th>").append(h).append("</th>");
    }
    out.append("<th>Sessions</th><th>Lines added</th><th>Lines alive</th><th>Rate</th></tr>\n");
    for (GroupRate g : groups) {
      out.append("<tr>");
      for (String k : g.key()) {
        cell(out, k, false);
      }
      cell(out, Integer.toString(g.sessions()), true);
      cell(out, Integer.toString(g.linesAdded()), true);
      cell(out, Integer.toString(g.linesAlive()), true);
      cell(out, MarkdownReport.percent(g.rate()), true);
      out.append("</tr>\n");
    }
    out.append("</table>\n");
  }

  private static void cell(StringBuilder out, String value, boolean number) {
    out.append(number ? "<td class=\"n\">" : "<td>").append(escape(value)).append("</td>");
  }

  static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
