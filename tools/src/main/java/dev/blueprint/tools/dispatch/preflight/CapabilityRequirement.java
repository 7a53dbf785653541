package dev.blueprint.tools.dispatch.preflight;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One entry of {@code required_capabilities}: a tool and an optional version constraint. Forms:
 * {@code jq} (present), {@code node20} / {@code python3.11} (at least that version), {@code
 * node>=18}, {@code python~3.11} (3.11.x), {@code node^20} (20.x.y), {@code jq==1.6} (1.6 or
 * 1.6.x).
 *
 * @param operator one of {@code >=}, {@code ~}, {@code ^}, {@code ==}, or null when no version
 * @param version as written, or null
 */
public record CapabilityRequirement(String text, String tool, String operator, String version) {
  private static final Pattern FORM =
      Pattern.compile(
          "^([A-Za-z][A-Za-z_-]*?(?:[0-9]*[A-Za-z_-]+)*?)\\s*(>=|==|~|\\^)?\\s*v?(\\d+(?:\\.\\d+)*)?$");

  /** Reads a requirement, or empty when the text fits none of the forms. */
  public static Optional<CapabilityRequirement> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = FORM.matcher(text.trim());
    if (!m.matches() || (m.group(2) != null && m.group(3) == null)) {
      return Optional.empty();
    }
    String op = m.group(3) == null ? null : m.group(2) == null ? ">=" : m.group(2);
    return Optional.of(new CapabilityRequirement(text.trim(), m.group(1), op, m.group(3)));
  }

  /**
   * The executable names to look for on PATH, most specific first: {@code python3.11}, {@code
   * python3}, {@code python} for {@code python3.11}; just the tool otherwise.
   */
  public List<String> executables() {
    List<String> names = new ArrayList<>();
    if (version != null) {
      names.add(tool + version);
      String major = version.split("\\.")[0];
      if (!major.equals(version)) {
        names.add(tool + major);
      }
    }
    names.add(tool);
    return names;
  }

  /** The npm-style range semver4j checks: {@code >=18}, {@code ~3.11}, {@code ^20}, {@code 1.6}. */
  String range() {
    return switch (operator) {
      case "==" -> version;
      default -> operator + version;
    };
  }
}
