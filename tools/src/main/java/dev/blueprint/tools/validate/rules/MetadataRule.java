package dev.blueprint.tools.validate.rules;

import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.Diagnostic;
import dev.blueprint.tools.blueprint.Metadata;
import dev.blueprint.tools.validate.Rule;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * W_NO_METADATA when there is no metadata block; W_METADATA_FIELD when it lacks {@code
 * _blueprint_version}, {@code _generated_at} or {@code _generator} or the date is not ISO-8601;
 * W_TASK_COUNT when {@code _total_tasks} differs from the tasks found.
 */
public final class MetadataRule implements Rule {
  @Override
  public List<Diagnostic> check(Blueprint b) {
    List<Diagnostic> out = new ArrayList<>();
    Metadata md = b.metadata();
    if (!md.present()) {
      out.add(
          Diagnostic.warning(
              "W_NO_METADATA",
              "no metadata block; add <!-- BLUEPRINT METADATA (DO NOT REMOVE) --> with"
                  + " <!-- _blueprint_version: 2.0.1 -->, <!-- _generated_at: <ISO-8601> -->,"
                  + " <!-- _generator: <who> --> and <!-- END METADATA --> (or YAML front matter)",
              null,
              0));
      return out;
    }
    List<String> missing = new ArrayList<>();
    if (blank(md.get("_blueprint_version")) && blank(md.get("bsf_version")) && !hasTopVersion(b)) {
      missing.add("_blueprint_version");
    }
    if (blank(md.get("_generated_at"))) {
      missing.add("_generated_at");
    }
    if (blank(md.get("_generator"))) {
      missing.add("_generator");
    }
    if (!missing.isEmpty()) {
      out.add(
          Diagnostic.warning(
              "W_METADATA_FIELD",
              "metadata (line "
                  + md.line()
                  + ") lacks "
                  + String.join(", ", missing)
                  + "; add them",
              null,
              md.line()));
    }
    String at = md.get("_generated_at");
    if (!blank(at) && !isoDateTime(at.trim())) {
      int line = md.lines().getOrDefault("_generated_at", md.line());
      out.add(
          Diagnostic.warning(
              "W_METADATA_FIELD",
              "metadata _generated_at (line "
                  + line
                  + ") '"
                  + at
                  + "' is not ISO-8601; write"
                  + " 2026-01-11T23:30:00Z",
              null,
              line));
    }
    String total = md.get("_total_tasks");
    if (!blank(total)) {
      int line = md.lines().getOrDefault("_total_tasks", md.line());
      String t = total.trim();
      if (!t.matches("\\d{1,9}")) {
        out.add(
            Diagnostic.warning(
                "W_TASK_COUNT",
                "metadata _total_tasks (line " + line + ") '" + total + "' is not a number",
                null,
                line));
      } else if (Integer.parseInt(t) != b.tasks().size()) {
        out.add(
            Diagnostic.warning(
                "W_TASK_COUNT",
                "metadata _total_tasks (line "
                    + line
                    + ") claims "
                    + t
                    + " tasks but the blueprint has "
                    + b.tasks().size()
                    + "; correct the count",
                null,
                line));
      }
    }
    return out;
  }

  private static boolean hasTopVersion(Blueprint b) {
    return b.extras() != null && b.extras().hasNonNull("blueprint_version");
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static boolean isoDateTime(String s) {
    try {
      OffsetDateTime.parse(s);
      return true;
    } catch (DateTimeParseException e) {
      // fall through: local date-time or a date alone is also ISO-8601
    }
    try {
      LocalDateTime.parse(s);
      return true;
    } catch (DateTimeParseException e) {
      // fall through
    }
    try {
      LocalDate.parse(s);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
