package dev.blueprint.tools.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Visits every string value of a tree, iteratively. The JSON pointer of a value is built only when
 * a rule asks for it: building one per value dominated validation time on 100k-task blueprints.
 */
final class StringFields {
  private StringFields() {}

  /** Where a value sits: its field name (or array index) under its parent. */
  static final class Path {
    private final Path parent;
    private final String name;
    private final int index;

    private Path(Path parent, String name, int index) {
      this.parent = parent;
      this.name = name;
      this.index = index;
    }

    /** The JSON pointer, e.g. {@code /verification/unit/command}. */
    String pointer() {
      if (parent == null) {
        return name;
      }
      return parent.pointer() + "/" + escape(last());
    }

    /** The field name or index of the value itself. */
    String last() {
      return name != null ? name : Integer.toString(index);
    }
  }

  interface Visitor {
    void visit(Path path, String value);
  }

  /**
   * Visits the strings of {@code root}; {@code prefix} is the pointer of root ("" for a task).
   * Recursive: trees come from the parsers, which refuse nesting deeper than a few hundred levels,
   * and a walk without a work list allocates one small {@link Path} per value and nothing else.
   */
  static void forEach(JsonNode root, String prefix, Visitor visitor) {
    if (root != null) {
      walk(root, new Path(null, prefix, 0), visitor);
    }
  }

  private static void walk(JsonNode n, Path path, Visitor visitor) {
    if (n.isTextual()) {
      visitor.visit(path, n.textValue());
    } else if (n.isObject()) {
      var fields = n.fields();
      while (fields.hasNext()) {
        var e = fields.next();
        walk(e.getValue(), new Path(path, e.getKey(), 0), visitor);
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        walk(n.get(i), new Path(path, null, i), visitor);
      }
    }
  }

  static String escape(String segment) {
    return segment.replace("~", "~0").replace("/", "~1");
  }
}
