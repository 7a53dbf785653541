package dev.blueprint.tools.dispatch.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.blueprint.tools.blueprint.ExecutionConfig;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves {@code ${secrets.NAME}} and {@code ${secrets.NAME:default}} in task text from the
 * blueprint's {@code secret_resolution.sources}, asked in order; {@code $${...}} stays literal as
 * {@code ${...}}.
 *
 * <p>A missing secret follows {@code on_missing}: {@code abort} (also the default) stops the run;
 * {@code skip_task} skips the task; {@code use_default} takes the inline default (and aborts when
 * there is none); {@code prompt} aborts, since a run has nobody to ask.
 *
 * <p>Sources: {@code env{prefix}}, {@code file{path}} (dotenv), {@code aws_ssm{prefix, region,
 * endpoint}} (SSM Parameter Store through the AWS SDK, made only when first asked). {@code vault}
 * is not supported: it is passed over and named as such in a missing secret's error. A source that
 * cannot be asked (AWS credentials refused, network down) stops the run with E_SETUP_FAILED naming
 * the secret and the source, whatever {@code on_missing} says: the secret may well exist.
 */
public final class SecretResolver {
  private static final Logger LOG = LoggerFactory.getLogger(SecretResolver.class);
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
   * The resolver a blueprint's {@code execution} block declares, with everything its source entries
   * say ({@code region} and {@code endpoint} of an {@code aws_ssm} source are read from the block
   * as written).
   */
  public static SecretResolver of(
      ExecutionConfig execution, Map<String, String> env, Path root, Clock clock) {
    SecretResolution config =
        execution.secretResolution() == null
            ? SecretResolution.DEFAULT
            : execution.secretResolution();
    JsonNode written =
        execution.raw() == null
            ? MissingNode.getInstance()
            : execution.raw().path("secret_resolution").path("sources");
    return of(config, written, env, root, clock);
  }

  /**
   * The resolver a blueprint declares: env sources read {@code env}, file sources are relative to
   * {@code root}. With no sources declared, the environment without prefix is used. An {@code
   * aws_ssm} source's endpoint is its {@code address} here, its region comes from {@code env}.
   */
  public static SecretResolver of(
      SecretResolution config, Map<String, String> env, Path root, Clock clock) {
    return of(config, MissingNode.getInstance(), env, root, clock);
  }

  private static SecretResolver of(
      SecretResolution config, JsonNode written, Map<String, String> env, Path root, Clock clock) {
    List<SecretLookup> lookups = new ArrayList<>();
    for (int i = 0; i < config.sources().size(); i++) {
      SecretSource s = config.sources().get(i);
      String type = s.type() == null ? "" : s.type().toLowerCase(Locale.ROOT);
      switch (type) {
        case "env" -> lookups.add(new EnvSecrets(env, s.prefix()));
        case "file" -> {
          if (s.path() != null) {
            lookups.add(new DotenvSecrets(root.resolve(s.path())));
          }
        }
        case "aws_ssm" -> {
          JsonNode entry = written.path(i);
          // the {aws_ssm: {prefix: ...}} spelling nests the settings under the type; an entry of
          // another type at this index (the reader dropped an empty one) gives no settings
          JsonNode body =
              entry.has(s.type())
                  ? entry.path(s.type())
                  : s.type().equals(entry.path("type").asText())
                      ? entry
                      : MissingNode.getInstance();
          String endpoint =
              body.path("endpoint").isTextual() ? body.path("endpoint").asText() : null;
          String region = body.path("region").isTextual() ? body.path("region").asText() : null;
          lookups.add(
              new SsmSecrets(
                  s.prefix(),
                  SsmSettings.resolve(region, endpoint != null ? endpoint : s.address(), env)));
        }
        default -> {
          UnsupportedSecrets unsupported =
              new UnsupportedSecrets(
                  type.isEmpty() ? "(no type)" : type,
                  s.address() != null ? s.address() : s.path());
          LOG.warn("secret source {}", unsupported.describe());
          lookups.add(unsupported);
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
      Optional<String> value;
      try {
        value = lookup(name);
      } catch (SecretSourceException e) {
        return new SecretOutcome.Abort(
            BsfError.of(
                ErrorCode.E_SETUP_FAILED, e.getMessage(), taskId, Phase.SETUP, clock.instant()));
      }
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
