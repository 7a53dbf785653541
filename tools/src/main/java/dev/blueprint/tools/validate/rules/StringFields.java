package dev.blueprint.tools.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.BiConsumer;

/** Visits every string value of a tree with its JSON pointer, iteratively. */
final class StringFields {
  private StringFields() {}

  static void forEach(JsonNode root, BiConsumer<String, String> visitor) {
    if (root == null) {
      return;
    }
    record Item(JsonNode node, String pointer) {}
    Deque<Item> stack = new ArrayDeque<>();
    stack.push(new Item(root, ""));
    while (!stack.isEmpty()) {
      Item it = stack.pop();
      JsonNode n = it.node();
      if (n.isTextual()) {
        visitor.accept(it.pointer(), n.asText());
      } else if (n.isObject()) {
        var fields = n.fields();
        while (fields.hasNext()) {
          var e = fields.next();
          stack.push(new Item(e.getValue(), it.pointer() + "/" + escape(e.getKey())));
        }
      } else if (n.isArray()) {
        for (int i = n.size() - 1; i >= 0; i--) {
          stack.push(new Item(n.get(i), it.pointer() + "/" + i));
        }
      }
    }
  }

  static String escape(String segment) {
    return segment.replace("~", "~0").replace("/", "~1");
  }

  /** The last segment of a pointer, unescaped. */
  static String lastSegment(String pointer) {
    String s = pointer.substring(pointer.lastIndexOf('/') + 1);
    return s.replace("~1", "/").replace("~0", "~");
  }
}
