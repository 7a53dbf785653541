package dev.blueprint.journal.git.jgit;

import java.util.List;
import org.eclipse.jgit.lib.ObjectId;

/** What replaying a change onto the tip produced, before anything is published. */
sealed interface LandingPlan {
  /** A new commit (written to the object store) whose parent is the tip. */
  record NewCommit(ObjectId commit, ObjectId tree) implements LandingPlan {}

  record Conflict(List<String> paths) implements LandingPlan {}

  record NoChange() implements LandingPlan {}

  record Impossible(String code, String message) implements LandingPlan {}
}
