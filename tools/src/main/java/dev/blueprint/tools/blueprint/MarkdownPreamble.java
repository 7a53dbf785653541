package dev.blueprint.tools.blueprint;

/**
 * What comes before a markdown blueprint's body: YAML front matter (read as metadata) and a
 * captured log before the {@code #} title (blanked so it cannot disturb the markdown parse).
 */
final class MarkdownPreamble {
  private MarkdownPreamble() {}

  /**
   * Reads YAML front matter ({@code ---} ... {@code ---} at the very top) as metadata; returns the
   * index of the first body line (the lines before it are blanked so commonmark does not see them).
   */
  static int frontMatter(SourceLines lines, BlueprintParts parts) {
    if (!lines.line(0).replace("\uFEFF", "").trim().equals("---")) {
      return 0;
    }
    int end = -1;
    for (int i = 1; i < lines.count(); i++) {
      String t = lines.line(i).trim();
      if (t.equals("---") || t.equals("...")) {
        end = i;
        break;
      }
    }
    if (end < 0) {
      return 0;
    }
    // Lines 1 to end - 1, each with its line end (line `end` exists, so each has one).
    String yaml = lines.slice(lines.start(1), lines.start(end));
    try {
      for (LocatedDocument d : LocatedTreeParser.parseYaml(yaml, 2)) {
        parts.metadataFrom(d.root(), d, "");
        if (parts.metadataLine == 0) {
          parts.metadataLine = 1;
        }
        if (d.root() != null && d.root().isObject() && parts.title == null) {
          parts.title = NodeValues.text(d.root(), "title");
        }
      }
    } catch (LocatedTreeParser.ParseFailure e) {
      parts.diagnostics.add(
          Diagnostic.error(
              "E_YAML_PARSE", "front matter is not valid YAML: " + e.getMessage(), null, e.line));
    }
    return end + 1;
  }

  /**
   * A captured log before the {@code #} title is junk: returns the title's line, up to which the
   * text is blanked (keeping line numbers) so an unbalanced fence in it cannot swallow the
   * document; returns {@code from} when the prefix holds something a blueprint needs.
   */
  static int junkBeforeTitle(SourceLines lines, int from) {
    int title = -1;
    for (int i = from; i < lines.count(); i++) {
      String l = lines.line(i);
      if (l.startsWith("# ") && l.trim().length() > 1) {
        title = i;
        break;
      }
    }
    if (title <= from) {
      return from;
    }
    for (int i = from; i < title; i++) {
      String l = lines.line(i);
      if (l.contains("task_id") || l.contains("<!--") || l.contains("execution:")) {
        return from;
      }
    }
    return title;
  }
}
