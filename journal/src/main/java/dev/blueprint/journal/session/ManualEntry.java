package dev.blueprint.journal.session;

import java.util.List;
import java.util.Optional;

/**
 * A journal written by hand from the command line ({@code bp journal write --agent ...}).
 *
 * @param sessionId the session id; a new one is made up when empty
 * @param agent who worked
 * @param model the model, if any
 * @param status where the session stands
 * @param summary what happened
 * @param workCompleted one line per thing done
 * @param failures one line per failure
 * @param nextSteps one line per next step
 * @param blueprint the blueprint file
 * @param blueprintProgress progress as people read it
 * @param startCommit HEAD when the session started; commits since then are listed
 */
public record ManualEntry(
    Optional<String> sessionId,
    String agent,
    Optional<String> model,
    JournalStatus status,
    String summary,
    List<String> workCompleted,
    List<String> failures,
    List<String> nextSteps,
    Optional<String> blueprint,
    Optional<String> blueprintProgress,
    Optional<String> startCommit) {

  public ManualEntry {
    workCompleted = List.copyOf(workCompleted);
    failures = List.copyOf(failures);
    nextSteps = List.copyOf(nextSteps);
  }
}
