package dev.blueprint.journal.session;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.List;

/**
 * Writes the few YAML forms a journal uses, by hand, so the text is the same on every run: strings
 * always double-quoted (JSON escapes are valid YAML), lists in block style or {@code []}.
 */
final class YamlText {
  private YamlText() {}

  static String quoted(String s) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
  }

  static void list(StringBuilder out, String key, List<String> items) {
    if (items.isEmpty()) {
      out.append(key).append(": []\n");
      return;
    }
    out.append(key).append(":\n");
    for (String item : items) {
      out.append("  - ").append(quoted(item)).append('\n');
    }
  }

  /** A multi-line string as a literal block, a short one quoted, an empty one as "". */
  static void text(StringBuilder out, String key, String value) {
    if (value.contains("\n")) {
      out.append(key).append(": |\n");
      for (String line : value.strip().split("\n", -1)) {
        out.append(line.isEmpty() ? "" : "  " + line).append('\n');
      }
    } else {
      out.append(key).append(": ").append(quoted(value)).append('\n');
    }
  }
}
