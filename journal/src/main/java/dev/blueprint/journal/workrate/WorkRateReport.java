package dev.blueprint.journal.workrate;

import java.util.List;

/**
 * The effective-work-rate report: every session, then the same numbers by agent and model, by
 * blueprint, and by period. Depends only on the history and the journals, never on the clock.
 *
 * @param head the commit measured against
 * @param period how {@link #byPeriod} is cut
 * @param sessions one row per session, by date then id
 * @param byAgentModel keyed by {@code [agent, model]}
 * @param byBlueprint keyed by {@code [blueprint]}
 * @param byPeriod keyed by {@code [week or day]}
 */
public record WorkRateReport(
    String head,
    Period period,
    List<SessionRate> sessions,
    List<GroupRate> byAgentModel,
    List<GroupRate> byBlueprint,
    List<GroupRate> byPeriod) {

  /** How sessions are grouped over time. */
  public enum Period {
    /** ISO weeks, labelled like {@code 2026-W03}. */
    WEEK,
    /** Calendar days (UTC), labelled like {@code 2026-01-12}. */
    DAY
  }

  public WorkRateReport {
    sessions = List.copyOf(sessions);
    byAgentModel = List.copyOf(byAgentModel);
    byBlueprint = List.copyOf(byBlueprint);
    byPeriod = List.copyOf(byPeriod);
  }

  /** Line-weighted rate over every session. */
  public GroupRate total() {
    return new GroupRate(
        List.of("total"),
        sessions.size(),
        sessions.stream().mapToInt(SessionRate::linesAdded).sum(),
        sessions.stream().mapToInt(SessionRate::linesAlive).sum());
  }
}
