package dev.blueprint.tools.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.Diagnostic;
import dev.blueprint.tools.blueprint.Task;
import dev.blueprint.tools.validate.TaskRule;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * E_LITERAL_SECRET: a value that looks like a real key or token. Known formats (OpenAI/Anthropic
 * {@code sk-}, AWS {@code AKIA}, GitHub {@code ghp_}, Slack {@code xox?-}, Google {@code AIza},
 * private key blocks, long bearer tokens), and long high-entropy values assigned to a field or
 * variable named like {@code *_KEY}, {@code *_TOKEN}, {@code *_SECRET} or password. {@code
 * ${secrets.NAME}} references are how secrets belong in a blueprint and are never flagged. The
 * secret itself is never repeated in the message.
 */
public final class LiteralSecretRule implements TaskRule {
  private record Kind(String name, Pattern pattern) {}

  private static final List<Kind> KNOWN =
      List.of(
          new Kind(
              "an Anthropic/OpenAI API key",
              Pattern.compile("\\bsk-(?:ant-|proj-)?[A-Za-z0-9_\\-]{20,}")),
          new Kind("an AWS access key id", Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b")),
          new Kind(
              "a GitHub token",
              Pattern.compile("\\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{22,})")),
          new Kind("a Slack token", Pattern.compile("\\bxox[abposr]-[A-Za-z0-9\\-]{10,}")),
          new Kind("a Google API key", Pattern.compile("\\bAIza[0-9A-Za-z_\\-]{35}")),
          new Kind("a private key", Pattern.compile("-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----")),
          new Kind(
              "a bearer token", Pattern.compile("(?i)\\bbearer\\s+([A-Za-z0-9\\-._~+/]{24,}=*)")));

  private static final Pattern SECRET_REF = Pattern.compile("\\$\\{secrets\\.[^}]*}");

  /** Field names repeat across tasks; their SECRET_NAME verdict is kept up to this many names. */
  private static final int NAME_CACHE_LIMIT = 4096;

  private static final java.util.concurrent.ConcurrentHashMap<String, Boolean> SECRET_NAMES =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static final Pattern SECRET_NAME =
      Pattern.compile(
          "(?i)(?:^|_|\\b)(?:key|token|secret|password|passwd|pwd|api_?key|credentials?)$");
  private static final Pattern ASSIGNMENT =
      Pattern.compile(
          "(?i)\\b([A-Za-z0-9_]*(?:KEY|TOKEN|SECRET|PASSWORD|PASSWD))\\b[\"']?\\s*[:=]\\s*[\"']?([^\\s\"'$`;,)]{16,})");

  @Override
  public List<Diagnostic> check(Blueprint b) {
    return TaskRules.alone(this, b);
  }

  @Override
  public TaskRule.Pass start(Blueprint b, List<Diagnostic> out) {
    return new StringPass() {
      private Task task;

      @Override
      public void task(Task t) {
        task = t;
      }

      @Override
      public void string(StringFields.Path path, String value) {
        Task t = task;
        report(path, value, t.fieldLines(), t.line(), null, t, out);
      }

      @Override
      public void finish() {
        if (b.execution().raw() != null) {
          scan(b.execution().raw(), Map.of(), b.execution().line(), "execution", out);
        }
        scan(b.extras(), Map.of(), 0, "", out);
        Map<String, Integer> mdLines = new HashMap<>();
        b.metadata().lines().forEach((k, v) -> mdLines.put("/" + k, v));
        var md = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        b.metadata().values().forEach(md::put);
        scan(md, mdLines, b.metadata().line(), "metadata ", out);
      }
    };
  }

  private static void scan(
      JsonNode root,
      Map<String, Integer> lines,
      int fallback,
      String prefix,
      List<Diagnostic> out) {
    StringFields.forEach(
        root, "", (path, value) -> report(path, value, lines, fallback, prefix, null, out));
  }

  /**
   * Reports {@code value} if it looks like a secret. {@code prefix} names where the tree sits; for
   * a task ({@code task} not null) it is the task's name, made only when there is a finding.
   */
  private static void report(
      StringFields.Path path,
      String value,
      Map<String, Integer> lines,
      int fallback,
      String prefix,
      Task task,
      List<Diagnostic> out) {
    if (value.length() < 16) {
      return; // kindOf's own first test, before the field name is made (one per value)
    }
    String kind = kindOf(path.last(), value);
    if (kind == null) {
      return;
    }
    String pointer = path.pointer();
    int line = lines.getOrDefault(pointer, fallback);
    String where = task != null ? TaskIndex.name(task) + " " : prefix;
    String field = where + (pointer.isEmpty() ? "" : pointer.substring(1).replace('/', '.'));
    out.add(
        Diagnostic.error(
            "E_LITERAL_SECRET",
            field.trim()
                + (line > 0 ? " (line " + line + ")" : "")
                + " holds what looks like "
                + kind
                + "; remove it from the blueprint (rotate it if it was real) and reference it"
                + " as ${secrets.NAME}",
            task != null ? task.id() : null,
            line));
  }

  /** What kind of secret the value looks like, or null. */
  static String kindOf(String fieldName, String value) {
    if (value.length() < 16) {
      return null; // every pattern needs at least 16 characters
    }
    String v = value.contains("${") ? SECRET_REF.matcher(value).replaceAll("") : value;
    if (!quick(v) && !secretName(fieldName)) {
      return null;
    }
    for (Kind k : KNOWN) {
      Matcher m = k.pattern().matcher(v);
      while (m.find()) {
        String token = m.groupCount() > 0 && m.group(1) != null ? m.group(1) : m.group();
        if (k.name().equals("a bearer token") && !highEntropy(token)) {
          continue;
        }
        return k.name();
      }
    }
    if (secretName(fieldName) && !v.contains(" ") && highEntropy(v.trim())) {
      return "a secret value in a field named " + fieldName;
    }
    Matcher a = ASSIGNMENT.matcher(v);
    while (a.find()) {
      if (highEntropy(a.group(2))) {
        return "a secret value assigned to " + a.group(1);
      }
    }
    return null;
  }

  /**
   * Cheap pre-filter: whether {@code v} holds a substring every pattern above needs, case ignored
   * ({@code sk-}, {@code akia}, {@code asia}, {@code gh?_} with ? one of {@code pousr}, {@code
   * github_pat_}, {@code xox}, {@code aiza}, {@code private key}, {@code bearer}, {@code key},
   * {@code token}, {@code secret}, {@code passw}). One pass that looks further only at a character
   * that can start one of them: a lower-cased copy searched once per word was the largest cost of
   * validating large blueprints.
   */
  static boolean quick(String v) {
    int n = v.length();
    for (int i = 0; i < n; i++) {
      boolean found =
          switch (v.charAt(i) | 0x20) {
            case 's' -> at(v, i, "sk-") || at(v, i, "secret");
            case 'a' -> at(v, i, "akia") || at(v, i, "asia") || at(v, i, "aiza");
            case 'g' ->
                at(v, i, "github_pat_")
                    || i + 3 < n
                        && at(v, i, "gh")
                        && "pousr".indexOf(v.charAt(i + 2) | 0x20) >= 0
                        && v.charAt(i + 3) == '_';
            case 'x' -> at(v, i, "xox");
            case 'p' -> at(v, i, "private key") || at(v, i, "passw");
            case 'b' -> at(v, i, "bearer");
            case 'k' -> at(v, i, "key");
            case 't' -> at(v, i, "token");
            default -> false;
          };
      if (found) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code v} holds {@code lower} at {@code i}, case ignored. */
  private static boolean at(String v, int i, String lower) {
    return v.regionMatches(true, i, lower, 0, lower.length());
  }

  private static boolean secretName(String fieldName) {
    Boolean known = SECRET_NAMES.get(fieldName);
    if (known != null) {
      return known;
    }
    boolean named = SECRET_NAME.matcher(fieldName.toLowerCase(Locale.ROOT)).find();
    if (SECRET_NAMES.size() < NAME_CACHE_LIMIT) {
      SECRET_NAMES.put(fieldName, named);
    }
    return named;
  }

  /** At least 16 characters, mixed classes and Shannon entropy above 3.5 bits per character. */
  static boolean highEntropy(String s) {
    if (s.length() < 16 || s.contains("${") || s.contains("/") && s.indexOf('/') < s.length() / 2) {
      return false;
    }
    boolean digit = s.chars().anyMatch(Character::isDigit);
    boolean letter = s.chars().anyMatch(Character::isLetter);
    if (!digit || !letter) {
      return false;
    }
    Map<Integer, Integer> counts = new HashMap<>();
    s.chars().forEach(c -> counts.merge(c, 1, Integer::sum));
    double entropy = 0;
    for (int c : counts.values()) {
      double p = (double) c / s.length();
      entropy -= p * Math.log(p) / Math.log(2);
    }
    return entropy > 3.5;
  }
}
