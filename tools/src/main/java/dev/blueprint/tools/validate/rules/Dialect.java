package dev.blueprint.tools.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprint.tools.blueprint.Blueprint;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which BSF rules apply: the version the file claims and whether {@code compatibility_mode:
 * v1_migration} relaxes the strict v2 data-flow requirements.
 *
 * @param version as written, or null when the file names none
 * @param major the major version, 0 when unknown
 */
record Dialect(String version, int major, boolean v1Migration) {
  private static final Pattern MAJOR = Pattern.compile("^\\s*v?(\\d{1,4})");

  /** Strict v2: a 2.x file not in v1 migration mode requires the v2 data flow. */
  boolean strictV2() {
    return major >= 2 && !v1Migration;
  }

  static Dialect of(Blueprint b) {
    String v = b.metadata().get("_blueprint_version");
    if (v == null || v.isBlank()) {
      v = b.metadata().get("bsf_version");
    }
    if ((v == null || v.isBlank()) && b.extras() != null) {
      JsonNode top = b.extras().get("blueprint_version");
      v = top == null || top.isContainerNode() ? null : top.asText();
    }
    int major = 0;
    if (v != null) {
      Matcher m = MAJOR.matcher(v);
      if (m.find()) {
        major = Integer.parseInt(m.group(1));
      }
    }
    JsonNode mode =
        b.execution().raw() == null ? null : b.execution().raw().get("compatibility_mode");
    boolean migration = mode != null && mode.asText().trim().equalsIgnoreCase("v1_migration");
    return new Dialect(v, major, migration);
  }
}
