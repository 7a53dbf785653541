package dev.blueprint.journal.workrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkRateAnalyzerTest {
  @TempDir Path tmp;
  private TestRepo repo;

  @BeforeEach
  void setUp() throws Exception {
    TestRepo.isolate(tmp.resolve("sandbox"));
    repo = TestRepo.init(tmp.resolve("repo"));
    KnownHistory.build(repo);
  }

  @AfterEach
  void tearDown() {
    repo.close();
    TestRepo.restore();
  }

  private WorkRateAnalyzer.Result analyze() throws Exception {
    return new WorkRateAnalyzer(
            repo.dir,
            new JournalSessionSource(repo.dir.resolve("sessions")),
            WorkRateAnalyzer.Options.defaults())
        .analyze();
  }

  @Test
  void countsLinesThatSurviveDeletionRewriteAndRevertPerSession() throws Exception {
    Map<String, SessionRate> byId =
        analyze().report().sessions().stream()
            .collect(Collectors.toMap(SessionRate::id, Function.identity()));

    assertThat(byId.keySet()).containsExactlyInAnyOrder("s1", "s2", "s3", "s4", "r1", "s5", "s6");
    assertRate(byId.get("s1"), 10, 8, Outcome.PARTIALLY_USED);
    assertRate(byId.get("s2"), 10, 5, Outcome.PARTIALLY_USED);
    assertRate(byId.get("s3"), 4, 4, Outcome.FULLY_USED);
    assertRate(byId.get("s4"), 5, 0, Outcome.NOT_USED);
    assertRate(byId.get("r1"), 6, 5, Outcome.PARTIALLY_USED);
    assertRate(byId.get("s5"), 3, 3, Outcome.TOO_EARLY);
    assertRate(byId.get("s6"), 0, 0, Outcome.NO_LINES);
  }

  @Test
  void takesAgentModelAndBlueprintFromJournalElseTrailers() throws Exception {
    Map<String, SessionRate> byId =
        analyze().report().sessions().stream()
            .collect(Collectors.toMap(SessionRate::id, Function.identity()));

    assertThat(byId.get("s3"))
        .extracting(SessionRate::agent, SessionRate::model, SessionRate::blueprint)
        .containsExactly("claude-code", "opus-4.5", "beta");
    assertThat(byId.get("r1"))
        .extracting(SessionRate::agent, SessionRate::model, SessionRate::blueprint)
        .containsExactly("claude-code", "sonnet-4.5", "beta");
    assertThat(byId.get("s4").blueprint()).isEqualTo("none");
    assertThat(byId.get("s6").date()).hasToString("2026-01-12");
  }

  @Test
  void groupsByAgentModelBlueprintAndWeekWeightedByLines() throws Exception {
    WorkRateReport r = analyze().report();

    assertThat(r.byAgentModel())
        .containsExactly(
            new GroupRate(List.of("claude-code", "haiku-4.5"), 1, 0, 0),
            new GroupRate(List.of("claude-code", "opus-4.5"), 3, 17, 15),
            new GroupRate(List.of("claude-code", "sonnet-4.5"), 1, 6, 5),
            new GroupRate(List.of("codex", "gpt-5"), 2, 15, 5));
    assertThat(r.byBlueprint())
        .containsExactly(
            new GroupRate(List.of("alpha"), 2, 20, 13),
            new GroupRate(List.of("beta"), 2, 10, 9),
            new GroupRate(List.of("none"), 3, 8, 3));
    assertThat(r.byPeriod())
        .containsExactly(
            new GroupRate(List.of("2026-W02"), 6, 38, 25),
            new GroupRate(List.of("2026-W03"), 1, 0, 0));
  }

  @Test
  void sinceDropsEarlierSessions() throws Exception {
    WorkRateReport r =
        new WorkRateAnalyzer(
                repo.dir,
                new JournalSessionSource(repo.dir.resolve("sessions")),
                new WorkRateAnalyzer.Options(
                    java.util.Optional.of(java.time.LocalDate.parse("2026-01-09")),
                    WorkRateReport.Period.DAY,
                    OutcomePolicy.DEFAULTS,
                    WorkRateAnalyzer.DEFAULT_EXCLUDED))
            .analyze()
            .report();

    assertThat(r.sessions()).extracting(SessionRate::id).containsExactly("s5", "s6");
    assertThat(r.byPeriod())
        .extracting(GroupRate::key)
        .containsExactly(List.of("2026-01-09"), List.of("2026-01-12"));
  }

  @Test
  void tooEarlyLimitsAreConfigurable() throws Exception {
    WorkRateReport r =
        new WorkRateAnalyzer(
                repo.dir,
                new JournalSessionSource(repo.dir.resolve("sessions")),
                new WorkRateAnalyzer.Options(
                    java.util.Optional.empty(),
                    WorkRateReport.Period.WEEK,
                    OutcomePolicy.DEFAULTS.withTooEarly(0, 0),
                    WorkRateAnalyzer.DEFAULT_EXCLUDED))
            .analyze()
            .report();

    assertThat(r.sessions().stream().filter(s -> s.id().equals("s5")).findFirst().orElseThrow())
        .extracting(SessionRate::outcome)
        .isEqualTo(Outcome.FULLY_USED);
  }

  private static void assertRate(SessionRate s, int added, int alive, Outcome outcome) {
    assertThat(s.linesAdded()).as(s.id() + " added").isEqualTo(added);
    assertThat(s.linesAlive()).as(s.id() + " alive").isEqualTo(alive);
    assertThat(s.outcome()).as(s.id() + " outcome").isEqualTo(outcome);
  }
}
