package dev.blueprint.tools.validate;

import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.BlueprintReader;
import dev.blueprint.tools.blueprint.Diagnostic;
import java.util.List;

/** Writes small markdown blueprints for rule tests: complete tasks unless a test says otherwise. */
final class BlueprintText {
  static final String METADATA =
      "<!-- BLUEPRINT METADATA (DO NOT REMOVE) -->\n"
          + "<!-- _blueprint_version: 2.0.1 -->\n"
          + "<!-- _generated_at: 2026-01-11T23:30:00Z -->\n"
          + "<!-- _generator: test -->\n"
          + "<!-- END METADATA -->\n";

  private BlueprintText() {}

  /** A complete 2.0.1 task; {@code extra} lines are appended (a key given twice: last wins). */
  static String task(String id, String deps, String... extra) {
    return "### "
        + id
        + ": Task\n\n```yaml\ntask_id: "
        + id
        + "\nname: \"Do "
        + id
        + "\"\nstatus: not_started\ndependencies: ["
        + deps
        + "]\ninterface:\n  input: \"in\"\n  output: \"out\"\n"
        + "acceptance_criteria:\n  - \"it works\"\n"
        + "test_command: \"test -f out/"
        + id
        + "\"\nrollback: \"git restore out\"\n"
        + "output:\n  location: file\n  path: \"out/"
        + id
        + "\"\n  ports:\n    result: {type: file}\n"
        + String.join("\n", extra)
        + (extra.length > 0 ? "\n" : "")
        + "```\n\n";
  }

  static String doc(String execution, String... tasks) {
    return "# Test — Blueprint\n\n"
        + METADATA
        + "\n"
        + (execution == null
            ? ""
            : "## Execution Configuration\n\n```yaml\nexecution:\n" + execution + "```\n\n")
        + "## Tier 0: All\n\n"
        + String.join("", tasks);
  }

  static ValidationReport validate(String text) {
    Blueprint b = BlueprintReader.readString(text, "test.bp.md");
    return Validator.validate(b);
  }

  static List<Diagnostic> withCode(ValidationReport r, String code) {
    return r.diagnostics().stream().filter(d -> d.code().equals(code)).toList();
  }

  static List<String> codes(ValidationReport r) {
    return r.diagnostics().stream().map(Diagnostic::code).toList();
  }

  /** The 1-based line of the n-th (1-based) line containing {@code needle}. */
  static int line(String text, String needle, int n) {
    String[] ls = text.split("\n", -1);
    int seen = 0;
    for (int i = 0; i < ls.length; i++) {
      if (ls[i].contains(needle) && ++seen == n) {
        return i + 1;
      }
    }
    throw new IllegalArgumentException("not found: " + needle);
  }
}
