package dev.blueprint.journal.workrate;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Sessions summed by a key (agent and model, blueprint, week or day). The rate is weighted by
 * lines: total alive over total added.
 *
 * @param key the grouping values, for example {@code [agent, model]}
 * @param sessions sessions in the group
 * @param linesAdded lines they added
 * @param linesAlive lines still alive at HEAD
 */
public record GroupRate(List<String> key, int sessions, int linesAdded, int linesAlive) {

  public GroupRate {
    key = List.copyOf(key);
  }

  /** alive / added, empty when the group added nothing. */
  public OptionalDouble rate() {
    return linesAdded == 0
        ? OptionalDouble.empty()
        : OptionalDouble.of((double) linesAlive / linesAdded);
  }
}
