package dev.blueprint.tools.blueprint;

/**
 * A markdown task's title, from the heading it sits under: {@code ### T0.1: Title} gives {@code
 * Title} for task {@code T0.1}; a heading that does not start with the task's id is the title as it
 * is.
 */
final class TaskTitle {
  private TaskTitle() {}

  /** The heading's title without a leading task id: {@code T0.1: Title} gives {@code Title}. */
  static String of(String heading, String id) {
    if (heading == null) {
      return null;
    }
    if (id != null && heading.startsWith(id)) {
      String rest = withoutSeparator(heading, id.length()).trim();
      return rest.isEmpty() ? heading : rest;
    }
    return heading;
  }

  /**
   * {@code text} from {@code from} on without a leading separator ({@code : . - — –} with the
   * whitespace around it); by hand, as this runs once per task heading.
   */
  private static String withoutSeparator(String text, int from) {
    int i = skipWhitespace(text, from);
    if (i < text.length() && ":.-—–".indexOf(text.charAt(i)) >= 0) {
      return text.substring(skipWhitespace(text, i + 1));
    }
    return text.substring(from);
  }

  /**
   * The first index at or after {@code i} that is not regex {@code \s} ({@code [ \t\n\x0B\f\r]}).
   */
  private static int skipWhitespace(String text, int i) {
    while (i < text.length() && " \t\n\u000B\f\r".indexOf(text.charAt(i)) >= 0) {
      i++;
    }
    return i;
  }
}
