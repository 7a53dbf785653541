package dev.blueprint.tools.dispatch.secrets;

import dev.blueprint.tools.status.BsfError;
import java.util.Map;

/** What resolving a text's {@code ${secrets.NAME}} references came to. */
public sealed interface SecretOutcome {

  /**
   * Every reference had a value.
   *
   * @param text the text with references replaced (and {@code $${...}} unescaped)
   * @param values the secret values used, by name, so callers can mask them in logs
   */
  record Resolved(String text, Map<String, String> values) implements SecretOutcome {}

  /** A secret is missing and on_missing is skip_task: this task is skipped, the run goes on. */
  record SkipTask(BsfError error) implements SecretOutcome {}

  /** A secret is missing and on_missing is abort (or prompt, with nobody to ask): stop the run. */
  record Abort(BsfError error) implements SecretOutcome {}
}
