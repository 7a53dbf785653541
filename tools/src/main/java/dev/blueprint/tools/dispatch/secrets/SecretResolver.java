package dev.blueprint.tools.dispatch.secrets;

import dev.blueprint.tools.blueprint.SecretResolution;
import dev.blueprint.tools.blueprint.SecretSource;
import dev.blueprint.tools.status.BsfError;
import dev.blueprint.tools.status.ErrorCode;
import dev.blueprint.tools.status.Phase;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves {@code ${secrets.NAME}} and {@code ${secrets.NAME:default}} in task text from the
 * blueprint's {@code secret_resolution.sources}, asked in order; {@code $${...}} stays literal as
 * {@code ${...}}.
 *
 * <p>A missing secret follows {@code on_missing}: {@code abort} (also the default) stops the run;
 * {@code skip_task} skips the task; {@code use_default} takes the inline default (and aborts when
 * there is none); {@code prompt} aborts, since a run has nobody to ask. Sources of type {@code
 * vault} and {@code aws_ssm} are not supported yet and are passed over (see docs/dispatch.md).
 */
public final class SecretResolver {
  private static final Pattern REFERENCE =
      Pattern.compile("\\$?\\$\\{secrets\\.([A-Za-z_][A-Za-z0-9_]*)(?::([^}]*))?\\}");

  private final String onMissing;
  private final List<SecretLookup> sources;
  private final Clock clock;

  public SecretResolver(String onMissing, List<SecretLookup> sources, Clock clock) {
    this.onMissing = onMissing == null ? "abort" : onMissing.trim().toLowerCase(Locale.ROOT);
    this.sources = List.copyOf(sources);
    this.clock = clock;
  }

  /**
   * The resolver a blueprint declares: env sources read {@code env}, file sources are relative to
   * {@code root}. With no sources declared, the environment without prefix is used.
   */
  public static SecretResolver of(
      SecretResolution config, Map<String, String> env, Path root, Clock clock) {
    List<SecretLookup> lookups = new ArrayList<>();
    for (SecretSource s : config.sources()) {
      String type = s.type() == null ? "" : s.type().toLowerCase(Locale.ROOT);
      switch (type) {
        case "env" -> lookups.add(new EnvSecrets(env, s.prefix()));
        case "file" -> {
          if (s.path() != null) {
            lookups.add(new DotenvSecrets(root.resolve(s.path())));
          }
        }
        default -> {
          // vault, aws_ssm: not supported yet; a secret found nowhere else is reported missing.
        }
      }
    }
    if (config.sources().isEmpty()) {
      lookups.add(new EnvSecrets(env, ""));
    }
    return new SecretResolver(config.onMissing(), lookups, clock);
  }

  /** Resolves every reference in {@code text}, for the task {@code taskId} (for messages). */
  public SecretOutcome resolve(String text, String taskId) {
    Matcher m = REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder();
    Map<String, String> used = new LinkedHashMap<>();
    while (m.find()) {
      if (m.group().startsWith("$$")) {
        m.appendReplacement(out, Matcher.quoteReplacement(m.group().substring(1)));
        continue;
      }
      String name = m.group(1);
      String inlineDefault = m.group(2);
      Optional<String> value = lookup(name);
      if (value.isEmpty() && "use_default".equals(onMissing) && inlineDefault != null) {
        value = Optional.of(inlineDefault);
      }
      if (value.isEmpty()) {
        return missing(name, taskId);
      }
      used.put(name, value.get());
      m.appendReplacement(out, Matcher.quoteReplacement(value.get()));
    }
    m.appendTail(out);
    return new SecretOutcome.Resolved(out.toString(), used);
  }

  private Optional<String> lookup(String name) {
    for (SecretLookup s : sources) {
      Optional<String> v = s.find(name);
      if (v.isPresent()) {
        return v;
      }
    }
    return Optional.empty();
  }

  private SecretOutcome missing(String name, String taskId) {
    String where =
        sources.isEmpty()
            ? "no secret sources are declared"
            : "looked in "
                + String.join(", ", sources.stream().map(SecretLookup::describe).toList());
    BsfError error =
        BsfError.of(
            ErrorCode.E_SECRET_MISSING,
            "secret " + name + " is not set (" + where + "; on_missing: " + onMissing + ")",
            taskId,
            Phase.SETUP,
            clock.instant());
    return "skip_task".equals(onMissing)
        ? new SecretOutcome.SkipTask(error)
        : new SecretOutcome.Abort(error);
  }
}
