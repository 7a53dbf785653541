package dev.blueprint.journal.session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces secrets in text with {@code [REDACTED:kind]} before anything reaches a journal: keys and
 * tokens recognised by their shape, and the values of environment variables whose names say they
 * hold a secret ({@code *_KEY}, {@code *_TOKEN}, {@code *_SECRET}, {@code *_PASSWORD}).
 */
public final class Redactor {

  /** Shorter values are too likely to appear by chance ("1", "true") to be replaced. */
  private static final int MIN_ENV_VALUE_LENGTH = 8;

  private static final Pattern SECRET_NAME =
      Pattern.compile("(?i).*(_KEY|_TOKEN|_SECRET|_PASSWORD|_PAT)$|^(?i)(TOKEN|SECRET|PASSWORD)$");

  /** Applied in order: the Anthropic pattern must run before the more general OpenAI one. */
  private static final List<SecretPattern> PATTERNS =
      List.of(
          new SecretPattern(
              "private-key",
              "-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----(?s:.*?)(?:-----END [A-Z0-9 ]*PRIVATE"
                  + " KEY-----|(?=\"|\n\n)|$)",
              0),
          new SecretPattern("anthropic", "sk-ant-[A-Za-z0-9_\\-]{16,}", 0),
          new SecretPattern("openai", "\\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_\\-]{20,}", 0),
          new SecretPattern("aws-access-key", "\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b", 0),
          new SecretPattern(
              "aws-secret-key",
              "(?i)(aws[A-Za-z0-9_ .\\-]{0,30}?(?:secret|key)[A-Za-z0-9_ .\\-]{0,20}?[\\s\"'=:]{1,5})"
                  + "([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])",
              2),
          new SecretPattern("github", "\\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{30,}\\b", 0),
          new SecretPattern("github", "\\bgithub_pat_[A-Za-z0-9_]{22,}", 0),
          new SecretPattern("slack", "\\bxox[abposr]-[A-Za-z0-9\\-]{10,}", 0),
          new SecretPattern("bearer", "(?i)(\\bbearer\\s+)([A-Za-z0-9._~+/=\\-]{16,})", 2));

  private final List<Map.Entry<String, String>> envSecrets;

  /** A redactor that knows the given environment (usually {@code System.getenv()}). */
  public Redactor(Map<String, String> environment) {
    List<Map.Entry<String, String>> found = new ArrayList<>();
    environment.forEach(
        (name, value) -> {
          if (value != null
              && value.length() >= MIN_ENV_VALUE_LENGTH
              && SECRET_NAME.matcher(name).matches()) {
            found.add(Map.entry(name, value));
          }
        });
    // longest first, so a value that contains another is replaced whole
    found.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> -e.getValue().length()));
    this.envSecrets = List.copyOf(found);
  }

  /** A redactor that knows no environment and relies on the patterns alone. */
  public static Redactor patternsOnly() {
    return new Redactor(Map.of());
  }

  /** The text with every secret replaced by its marker. */
  public String redact(String text) {
    String out = text;
    for (Map.Entry<String, String> e : envSecrets) {
      out = out.replace(e.getValue(), marker("env:" + e.getKey().toUpperCase(Locale.ROOT)));
    }
    for (SecretPattern p : PATTERNS) {
      out = p.replace(out);
    }
    return out;
  }

  static String marker(String kind) {
    return "[REDACTED:" + kind + "]";
  }

  /** A secret's shape; {@code group} is the part replaced (0 for the whole match). */
  private record SecretPattern(String kind, Pattern pattern, int group) {
    SecretPattern(String kind, String regex, int group) {
      this(kind, Pattern.compile(regex), group);
    }

    String replace(String text) {
      Matcher m = pattern.matcher(text);
      if (!m.find()) {
        return text;
      }
      StringBuilder sb = new StringBuilder(text.length());
      int last = 0;
      do {
        sb.append(text, last, m.start(group)).append(marker(kind));
        last = m.end(group);
      } while (m.find());
      return sb.append(text, last, text.length()).toString();
    }
  }
}
