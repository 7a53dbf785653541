package dev.blueprint.journal.workrate;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * Draws the report's two charts as inline SVG, by hand, so the HTML page needs no script, no CDN
 * and no network: rate per session over time (a dot per session on a date axis) and rate per agent
 * and model (a horizontal bar per group).
 */
final class SvgCharts {
  private static final int W = 720;
  private static final int H = 280;
  private static final int LEFT = 48;
  private static final int RIGHT = 16;
  private static final int TOP = 16;
  private static final int BOTTOM = 32;

  private SvgCharts() {}

  /** One circle per session that added lines; x is its date, y its rate. */
  static String ratePerSession(List<SessionRate> sessions) {
    List<SessionRate> rated = sessions.stream().filter(s -> s.rate().isPresent()).toList();
    StringBuilder svg = open("rate-per-session", "Rate per session over time");
    yAxis(svg);
    if (!rated.isEmpty()) {
      long first = rated.get(0).date().toEpochDay();
      long span = Math.max(1, ChronoUnit.DAYS.between(rated.get(0).date(), last(rated).date()));
      text(svg, LEFT, H - 8, "start", rated.get(0).date().toString());
      text(svg, W - RIGHT, H - 8, "end", last(rated).date().toString());
      for (SessionRate s : rated) {
        double x = LEFT + (W - LEFT - RIGHT) * (double) (s.date().toEpochDay() - first) / span;
        double y = yOf(s.rate().getAsDouble());
        svg.append(
                String.format(
                    Locale.ROOT,
                    "<circle class=\"session %s\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\">",
                    s.outcome().key().replace('_', '-'),
                    x,
                    y))
            .append("<title>")
            .append(HtmlReport.escape(s.id()))
            .append(' ')
            .append(s.date())
            .append(": ")
            .append(MarkdownReport.percent(s.rate()))
            .append("</title></circle>\n");
      }
    }
    return svg.append("</svg>\n").toString();
  }

  /** One bar per agent and model group, its length the group's line-weighted rate. */
  static String ratePerAgent(List<GroupRate> groups) {
    int rowHeight = 28;
    int height = TOP + BOTTOM + rowHeight * Math.max(1, groups.size());
    int labelWidth = 220;
    StringBuilder svg =
        new StringBuilder()
            .append(
                "<svg class=\"chart\" id=\"rate-per-agent\" xmlns=\"http://www.w3.org/2000/svg\"")
            .append(" viewBox=\"0 0 ")
            .append(W)
            .append(' ')
            .append(height)
            .append("\" role=\"img\" aria-label=\"Rate per agent and model\">\n");
    int barSpace = W - labelWidth - RIGHT - 56;
    for (int i = 0; i < groups.size(); i++) {
      GroupRate g = groups.get(i);
      int y = TOP + i * rowHeight;
      double rate = g.rate().orElse(0);
      text(svg, labelWidth - 8, y + 17, "end", String.join(" / ", g.key()));
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"20\"><title>%s: %s"
                  + "</title></rect>\n",
              labelWidth,
              y + 2,
              barSpace * rate,
              HtmlReport.escape(String.join(" / ", g.key())),
              MarkdownReport.percent(g.rate())));
      text(
          svg,
          (int) Math.round(labelWidth + barSpace * rate + 6),
          y + 17,
          "start",
          MarkdownReport.percent(g.rate()));
    }
    return svg.append("</svg>\n").toString();
  }

  private static StringBuilder open(String id, String label) {
    return new StringBuilder()
        .append("<svg class=\"chart\" id=\"")
        .append(id)
        .append("\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
        .append(W)
        .append(' ')
        .append(H)
        .append("\" role=\"img\" aria-label=\"")
        .append(label)
        .append("\">\n");
  }

  private static void yAxis(StringBuilder svg) {
    for (int pct = 0; pct <= 100; pct += 25) {
      double y = yOf(pct / 100.0);
      svg.append(
          String.format(
              Locale.ROOT,
              "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>\n",
              LEFT,
              y,
              W - RIGHT,
              y));
      text(svg, LEFT - 6, (int) Math.round(y) + 4, "end", pct + "%");
    }
  }

  private static double yOf(double rate) {
    return TOP + (H - TOP - BOTTOM) * (1 - rate);
  }

  private static void text(StringBuilder svg, int x, int y, String anchor, String value) {
    svg.append("<text x=\"")
        .append(x)
        .append("\" y=\"")
        .append(y)
        .append("\" text-anchor=\"")
        .append(anchor)
        .append("\">")
        .append(HtmlReport.escape(value))
        .append("</text>\n");
  }

  private static SessionRate last(List<SessionRate> rated) {
    return rated.get(rated.size() - 1);
  }
}
