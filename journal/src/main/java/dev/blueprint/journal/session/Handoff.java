package dev.blueprint.journal.session;

import java.util.List;

/**
 * What whoever comes next needs: the YAML block under a journal's {@code ## Handoff} heading.
 *
 * @param completed what this session finished
 * @param deferred what it chose to leave for later
 * @param blocked what cannot move until something else happens
 * @param openItems questions and loose ends
 * @param nextActionPrimer the first thing the next session should do
 * @param resumeContext what to know before resuming (branch, state, caveats)
 */
public record Handoff(
    List<String> completed,
    List<String> deferred,
    List<String> blocked,
    List<String> openItems,
    String nextActionPrimer,
    String resumeContext) {

  /** A handoff with nothing in it. */
  public static final Handoff EMPTY =
      new Handoff(List.of(), List.of(), List.of(), List.of(), "", "");

  public Handoff {
    completed = List.copyOf(completed);
    deferred = List.copyOf(deferred);
    blocked = List.copyOf(blocked);
    openItems = List.copyOf(openItems);
    nextActionPrimer = nextActionPrimer == null ? "" : nextActionPrimer;
    resumeContext = resumeContext == null ? "" : resumeContext;
  }
}
