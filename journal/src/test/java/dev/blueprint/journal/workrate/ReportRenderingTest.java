package dev.blueprint.journal.workrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportRenderingTest {
  @TempDir static Path tmp;
  private static WorkRateReport report;

  @BeforeAll
  static void analyzeKnownHistory() throws Exception {
    TestRepo.isolate(tmp.resolve("sandbox"));
    try (TestRepo repo = TestRepo.init(tmp.resolve("repo"))) {
      KnownHistory.build(repo);
      report =
          new WorkRateAnalyzer(
                  repo.dir,
                  new JournalSessionSource(repo.dir.resolve("sessions")),
                  WorkRateAnalyzer.Options.defaults())
              .analyze()
              .report();
    }
  }

  @AfterAll
  static void restore() {
    TestRepo.restore();
  }

  @Test
  void markdownIsExactlyTheExpectedTables() {
    String expected =
        """
        # Effective work rate

        Measured at `%s`: 7 sessions, 38 lines added, 25 alive, rate 65.8%%.

        ## Sessions

        | Session | Date | Agent | Model | Lines added | Lines alive | Rate | Outcome |
        |---|---|---|---|--:|--:|--:|---|
        | r1 | 2026-01-05 | claude-code | sonnet-4.5 | 6 | 5 | 83.3%% | partially used |
        | s1 | 2026-01-05 | claude-code | opus-4.5 | 10 | 8 | 80.0%% | partially used |
        | s2 | 2026-01-05 | codex | gpt-5 | 10 | 5 | 50.0%% | partially used |
        | s3 | 2026-01-05 | claude-code | opus-4.5 | 4 | 4 | 100.0%% | fully used |
        | s4 | 2026-01-05 | codex | gpt-5 | 5 | 0 | 0.0%% | not used |
        | s5 | 2026-01-09 | claude-code | opus-4.5 | 3 | 3 | 100.0%% | too early |
        | s6 | 2026-01-12 | claude-code | haiku-4.5 | 0 | 0 | n/a | no lines |

        ## By agent and model

        | Agent | Model | Sessions | Lines added | Lines alive | Rate |
        |---|---|--:|--:|--:|--:|
        | claude-code | haiku-4.5 | 1 | 0 | 0 | n/a |
        | claude-code | opus-4.5 | 3 | 17 | 15 | 88.2%% |
        | claude-code | sonnet-4.5 | 1 | 6 | 5 | 83.3%% |
        | codex | gpt-5 | 2 | 15 | 5 | 33.3%% |

        ## By blueprint

        | Blueprint | Sessions | Lines added | Lines alive | Rate |
        |---|--:|--:|--:|--:|
        | alpha | 2 | 20 | 13 | 65.0%% |
        | beta | 2 | 10 | 9 | 90.0%% |
        | none | 3 | 8 | 3 | 37.5%% |

        ## By week

        | Week | Sessions | Lines added | Lines alive | Rate |
        |---|--:|--:|--:|--:|
        | 2026-W02 | 6 | 38 | 25 | 65.8%% |
        | 2026-W03 | 1 | 0 | 0 | n/a |
        """
            .formatted(report.head().substring(0, 12));

    assertThat(MarkdownReport.render(report)).isEqualTo(expected);
  }

  @Test
  void htmlDrawsOneDotPerRatedSessionAndOneBarPerAgentModelWithoutScripts() {
    String html = HtmlReport.render(report);

    assertThat(count(html, "<svg ")).isEqualTo(2);
    assertThat(html).contains("id=\"rate-per-session\"").contains("id=\"rate-per-agent\"");
    assertThat(count(html, "<circle class=\"session")).isEqualTo(6);
    assertThat(count(html, "<rect class=\"bar\"")).isEqualTo(4);
    assertThat(html).contains("<circle class=\"session too-early\"");
    assertThat(html).contains("<title>s4 2026-01-05: 0.0%</title>");
    assertThat(html)
        .doesNotContain("<script")
        .doesNotContain("http://cdn")
        .doesNotContain("https:");
  }

  @Test
  void barLengthIsProportionalToTheGroupRate() {
    String svg = SvgCharts.ratePerAgent(report.byAgentModel());
    Matcher m = Pattern.compile("<rect class=\"bar\"[^>]* width=\"([0-9.]+)\"").matcher(svg);
    double[] widths = m.results().mapToDouble(r -> Double.parseDouble(r.group(1))).toArray();

    assertThat(widths).hasSize(4);
    assertThat(widths[0]).isZero();
    // Widths are written with one decimal, so the ratio holds to about 0.1 %.
    assertThat(widths[1] / widths[3]).isCloseTo((15.0 / 17) / (5.0 / 15), offset(0.01));
  }

  @Test
  void jsonHasSchemaVersionSnakeCaseKeysAndNullRateWhenNothingAdded() throws Exception {
    JsonNode json = new ObjectMapper().readTree(JsonReport.render(report));

    assertThat(json.get("schema_version").asInt()).isEqualTo(1);
    assertThat(json.get("head").asText()).isEqualTo(report.head());
    assertThat(json.get("total").get("lines_added").asInt()).isEqualTo(38);
    JsonNode s4 = json.get("sessions").get(4);
    assertThat(s4.get("id").asText()).isEqualTo("s4");
    assertThat(s4.get("lines_alive").asInt()).isZero();
    assertThat(s4.get("outcome").asText()).isEqualTo("not_used");
    assertThat(json.get("sessions").get(6).get("rate").isNull()).isTrue();
    assertThat(json.get("by_agent_model").get(1).get("rate").asDouble())
        .isCloseTo(15.0 / 17, within());
    assertThat(json.get("by_period").get(0).get("period").asText()).isEqualTo("2026-W02");
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return offset(1e-9);
  }

  private static org.assertj.core.data.Offset<Double> offset(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }

  private static int count(String s, String needle) {
    int n = 0;
    for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
