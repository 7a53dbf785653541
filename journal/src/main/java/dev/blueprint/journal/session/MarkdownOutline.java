package dev.blueprint.journal.session;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The heading structure of a markdown body, with fenced code blocks skipped so a {@code #} comment
 * inside a shell snippet is not taken for a heading.
 *
 * @param title the first level-one heading's text
 * @param preamble the text before the first level-two heading
 * @param sections level-two headings and their text (sub-headings included)
 * @param allSections headings of every level and the text up to the next heading
 */
record MarkdownOutline(
    String title, String preamble, Map<String, String> sections, Map<String, String> allSections) {

  static MarkdownOutline of(String body) {
    String title = "";
    StringBuilder preamble = new StringBuilder();
    Map<String, StringBuilder> level2 = new LinkedHashMap<>();
    Map<String, StringBuilder> any = new LinkedHashMap<>();
    StringBuilder current2 = null;
    StringBuilder currentAny = null;
    boolean inFence = false;
    for (String line : body.split("\n", -1)) {
      String trimmed = line.strip();
      if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
        inFence = !inFence;
      } else if (!inFence && line.startsWith("#")) {
        int level = 0;
        while (level < line.length() && line.charAt(level) == '#') {
          level++;
        }
        if (level < line.length() && line.charAt(level) == ' ') {
          String text = line.substring(level + 1).strip();
          if (level == 1 && title.isEmpty()) {
            title = text;
          }
          currentAny = any.computeIfAbsent(unique(any, text), k -> new StringBuilder());
          if (level <= 2) {
            current2 =
                level == 2
                    ? level2.computeIfAbsent(unique(level2, text), k -> new StringBuilder())
                    : null;
          } else if (current2 != null) {
            current2.append(line).append('\n');
          }
          continue;
        }
      }
      if (current2 != null) {
        current2.append(line).append('\n');
      } else if (level2.isEmpty()) {
        preamble.append(line).append('\n');
      }
      if (currentAny != null) {
        currentAny.append(line).append('\n');
      }
    }
    return new MarkdownOutline(title, preamble.toString(), strip(level2), strip(any));
  }

  /** The content of the first fenced code block in the text. */
  static Optional<String> firstFencedBlock(String text) {
    int open = text.indexOf("```");
    if (open < 0) {
      return Optional.empty();
    }
    int start = text.indexOf('\n', open);
    if (start < 0) {
      return Optional.empty();
    }
    int close = text.indexOf("\n```", start);
    return Optional.of(
        close < 0 ? text.substring(start + 1) : text.substring(start + 1, close + 1));
  }

  private static String unique(Map<String, StringBuilder> map, String key) {
    String k = key;
    for (int i = 2; map.containsKey(k); i++) {
      k = key + " (" + i + ")";
    }
    return k;
  }

  private static Map<String, String> strip(Map<String, StringBuilder> map) {
    Map<String, String> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(k, v.toString().strip()));
    return out;
  }
}
