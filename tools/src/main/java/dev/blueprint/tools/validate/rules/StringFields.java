package dev.blueprint.tools.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Visits every string value of a tree, iteratively. The JSON pointer of a value is built only when
 * a rule asks for it: building one per value dominated validation time on 100k-task blueprints.
 */
final class StringFields {
  private StringFields() {}

  /** Where a value sits: its field or index, under its parent. */
  static final class Path {
    private final Path parent;
    private final String segment;

    private Path(Path parent, String segment) {
      this.parent = parent;
      this.segment = segment;
    }

    /** The JSON pointer, e.g. {@code /verification/unit/command}. */
    String pointer() {
      if (parent == null) {
        return segment;
      }
      return parent.pointer() + "/" + escape(segment);
    }

    /** The field name or index of the value itself. */
    String last() {
      return segment;
    }
  }

  interface Visitor {
    void visit(Path path, String value);
  }

  /** Visits the strings of {@code root}; {@code prefix} is the pointer of root ("" for a task). */
  static void forEach(JsonNode root, String prefix, Visitor visitor) {
    if (root == null) {
      return;
    }
    record Item(JsonNode node, Path path) {}
    Deque<Item> stack = new ArrayDeque<>();
    stack.push(new Item(root, new Path(null, prefix)));
    while (!stack.isEmpty()) {
      Item it = stack.pop();
      JsonNode n = it.node();
      if (n.isTextual()) {
        visitor.visit(it.path(), n.asText());
      } else if (n.isObject()) {
        var fields = n.fields();
        while (fields.hasNext()) {
          var e = fields.next();
          stack.push(new Item(e.getValue(), new Path(it.path(), e.getKey())));
        }
      } else if (n.isArray()) {
        for (int i = n.size() - 1; i >= 0; i--) {
          stack.push(new Item(n.get(i), new Path(it.path(), Integer.toString(i))));
        }
      }
    }
  }

  static String escape(String segment) {
    return segment.replace("~", "~0").replace("/", "~1");
  }
}
