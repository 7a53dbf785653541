package dev.blueprint.tools.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Arrays;

/**
 * Visits every string value of a tree. The JSON pointer of a value is built only when a rule asks
 * for it: building one per value dominated validation time on 100k-task blueprints.
 */
final class StringFields {
  private StringFields() {}

  /**
   * Where the value being visited sits: a stack of field names (or array indexes) from the root,
   * reused for every value of one walk. Valid only during {@link Visitor#visit}: a visitor that
   * needs the place later keeps {@link #pointer()}.
   */
  static final class Path {
    /** {@code "0"} to {@code "255"}: list indexes as path segments, made once. */
    private static final String[] INDEXES = new String[256];

    static {
      for (int i = 0; i < INDEXES.length; i++) {
        INDEXES[i] = Integer.toString(i);
      }
    }

    private final String prefix;
    private String[] names = new String[8];
    private int[] indexes = new int[8];
    private int depth;

    private Path(String prefix) {
      this.prefix = prefix;
    }

    private void push(String name, int index) {
      if (depth == names.length) {
        names = Arrays.copyOf(names, depth * 2);
        indexes = Arrays.copyOf(indexes, depth * 2);
      }
      names[depth] = name;
      indexes[depth++] = index;
    }

    private void pop() {
      names[--depth] = null;
    }

    /** The JSON pointer, e.g. {@code /verification/unit/command}. */
    String pointer() {
      StringBuilder sb = new StringBuilder(prefix);
      for (int i = 0; i < depth; i++) {
        sb.append('/').append(escape(segment(i)));
      }
      return sb.toString();
    }

    /** The top-level field name the value sits under ({@code ""} for a root string). */
    String first() {
      return depth == 0 ? prefix : segment(0);
    }

    /** The field name or index of the value itself ({@code ""} for a root string). */
    String last() {
      return depth == 0 ? prefix : segment(depth - 1);
    }

    private String segment(int i) {
      if (names[i] != null) {
        return names[i];
      }
      int index = indexes[i];
      // Every list element of every task asks for its index as text: the small ones are kept.
      return index >= 0 && index < INDEXES.length ? INDEXES[index] : Integer.toString(index);
    }
  }

  interface Visitor {
    void visit(Path path, String value);
  }

  /**
   * Visits the strings of {@code root}; {@code prefix} is the pointer of root ("" for a task).
   * Recursive: trees come from the parsers, which refuse nesting deeper than a few hundred levels.
   */
  static void forEach(JsonNode root, String prefix, Visitor visitor) {
    if (root != null) {
      new Walk(new Path(prefix), visitor).walk(root);
    }
  }

  /**
   * One walk: the object fields come through {@code forEachEntry} with this walk as the callback,
   * so no iterator or entry object is made per field (the reader's compact objects hand out their
   * arrays directly).
   */
  private static final class Walk implements java.util.function.BiConsumer<String, JsonNode> {
    private final Path path;
    private final Visitor visitor;

    Walk(Path path, Visitor visitor) {
      this.path = path;
      this.visitor = visitor;
    }

    void walk(JsonNode n) {
      // instanceof rather than isTextual()/isObject(): cheaper than the virtual calls on the
      // millions of values of a large blueprint.
      if (n instanceof TextNode) {
        visitor.visit(path, n.textValue());
      } else if (n instanceof ObjectNode o) {
        o.forEachEntry(this);
      } else if (n instanceof ArrayNode) {
        for (int i = 0; i < n.size(); i++) {
          JsonNode v = n.get(i);
          if (v instanceof ContainerNode || v instanceof TextNode) {
            path.push(null, i);
            walk(v);
            path.pop();
          }
        }
      }
    }

    @Override
    public void accept(String key, JsonNode v) {
      if (v instanceof ContainerNode || v instanceof TextNode) {
        path.push(key, 0);
        walk(v);
        path.pop();
      }
    }
  }

  static String escape(String segment) {
    return segment.indexOf('~') < 0 && segment.indexOf('/') < 0
        ? segment
        : segment.replace("~", "~0").replace("/", "~1");
  }
}
