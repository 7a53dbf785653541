package dev.blueprint.tools.blueprint;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Parses YAML or JSON text into Jackson trees while recording the source line of every value.
 *
 * <p>Jackson's tree model forgets locations, so the tree is built here from the streaming parser's
 * tokens, noting {@link JsonParser#currentTokenLocation()} for each field and array element. The
 * build is iterative (an explicit stack), so deeply nested input cannot overflow the Java stack.
 */
final class LocatedTreeParser {
  /** Deeper nesting than this is not a blueprint; refusing it bounds memory on hostile input. */
  static final int MAX_DEPTH = 500;

  private static final JsonFactory JSON =
      JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
          .build();
  private static final YAMLFactory YAML = yamlFactory();

  /** Stateless and kept by every node it makes: one for all documents. */
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private LocatedTreeParser() {}

  /**
   * Field names and pointers repeat in every task ({@code /interface/input}); sharing one copy of
   * each cut the memory a large blueprint keeps. Bounded so hostile input cannot grow it forever.
   */
  private static final int SHARED_LIMIT = 1 << 15;

  private static final java.util.concurrent.ConcurrentHashMap<String, String> SHARED =
      new java.util.concurrent.ConcurrentHashMap<>();

  static String shared(String s) {
    if (s == null || s.length() > 200) {
      return s;
    }
    String known = SHARED.get(s);
    if (known != null) {
      return known;
    }
    if (sharedCount < SHARED_LIMIT) {
      known = SHARED.putIfAbsent(s, s);
      if (known == null) {
        sharedCount++; // racy, so approximate: a bound, and no size() (a sum over cells) per miss
      }
      return known == null ? s : known;
    }
    return s;
  }

  private static int sharedCount;

  private static YAMLFactory yamlFactory() {
    LoaderOptions options = new LoaderOptions();
    // Large generated blueprints (100k tasks) exceed SnakeYAML's 3 MB default.
    options.setCodePointLimit(Integer.MAX_VALUE);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setMaxAliasesForCollections(50);
    return YAMLFactory.builder()
        .loaderOptions(options)
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
        .build();
  }

  /** Why a text could not be parsed, and the absolute line where the parser gave up. */
  static final class ParseFailure extends Exception {
    final int line;

    ParseFailure(String message, int line) {
      super(message);
      this.line = line;
    }
  }

  /**
   * Off only in tests that compare the fast path with Jackson ({@code BlockYamlParserTest}); tests
   * run one at a time in this module.
   */
  static volatile boolean fastPath = true;

  /**
   * Parses YAML: the plain block subset task blocks use through {@link BlockYamlParser}, anything
   * else (and all invalid YAML, so its diagnostics come from one parser) through Jackson.
   */
  static List<LocatedDocument> parseYaml(String text, int firstLine) throws ParseFailure {
    if (fastPath) {
      List<LocatedDocument> fast = BlockYamlParser.parse(text, firstLine);
      if (fast != null) {
        return fast;
      }
    }
    return parse(YAML, text, firstLine);
  }

  /**
   * Jackson's parse of YAML, never the fast path: the reference the fast path is tested against.
   */
  static List<LocatedDocument> parseYamlWithJackson(String text, int firstLine)
      throws ParseFailure {
    return parse(YAML, text, firstLine);
  }

  static List<LocatedDocument> parseJson(String text, int firstLine) throws ParseFailure {
    return parse(JSON, text, firstLine);
  }

  private static List<LocatedDocument> parse(JsonFactory factory, String text, int firstLine)
      throws ParseFailure {
    int lastLine = firstLine;
    try (JsonParser p = factory.createParser(text)) {
      List<LocatedDocument> docs = new ArrayList<>();
      Builder b = new Builder(firstLine);
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        lastLine = absolute(p.currentTokenLocation(), firstLine);
        b.accept(p, t, lastLine);
        if (b.done()) {
          docs.add(b.document());
          b = new Builder(firstLine);
        }
      }
      return docs;
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      int line = loc == null || loc.getLineNr() < 1 ? lastLine : absolute(loc, firstLine);
      throw new ParseFailure(e.getOriginalMessage(), line);
    } catch (IOException | RuntimeException e) {
      // SnakeYAML reports some malformed input (bad escapes, odd unicode) as runtime exceptions.
      throw new ParseFailure(String.valueOf(e.getMessage()), lastLine);
    }
  }

  private static int absolute(JsonLocation loc, int firstLine) {
    return loc.getLineNr() < 1 ? firstLine : firstLine + loc.getLineNr() - 1;
  }

  /** Builds one document's tree from tokens; a frame per open object or array. */
  private static final class Builder {
    private record Frame(ContainerNode<?> node, String pointer) {}

    private final JsonNodeFactory nodes = NODES;
    private final Deque<Frame> stack = new ArrayDeque<>();
    private final TreeMap<String, Integer> lines = new TreeMap<>();
    private final int firstLine;
    private JsonNode root;
    private int rootLine;
    private String field;

    Builder(int firstLine) {
      this.firstLine = firstLine;
    }

    boolean done() {
      return root != null && stack.isEmpty();
    }

    LocatedDocument document() {
      return new LocatedDocument(root, lines, rootLine == 0 ? firstLine : rootLine);
    }

    void accept(JsonParser p, JsonToken t, int line) throws IOException {
      switch (t) {
        case FIELD_NAME -> {
          field = shared(p.currentName());
          lines.put(shared(stack.peek().pointer() + "/" + escape(field)), line);
        }
        case START_OBJECT -> open(nodes.objectNode(), line);
        case START_ARRAY -> open(nodes.arrayNode(), line);
        case END_OBJECT, END_ARRAY -> stack.pop();
        default -> attach(scalar(p, t), line);
      }
    }

    private void open(ContainerNode<?> node, int line) {
      String pointer = attach(node, line);
      stack.push(new Frame(node, pointer));
    }

    /** Adds a value to the open container (or makes it the root) and returns its pointer. */
    private String attach(JsonNode value, int line) {
      Frame top = stack.peek();
      if (top == null) {
        root = value;
        rootLine = line;
        lines.put("", line);
        return "";
      }
      if (top.node() instanceof ObjectNode o) {
        String name = field == null ? "" : field;
        o.set(name, value);
        field = null;
        return shared(top.pointer() + "/" + escape(name));
      }
      ArrayNode a = (ArrayNode) top.node();
      String pointer = shared(top.pointer() + "/" + a.size());
      a.add(value);
      lines.put(pointer, line);
      return pointer;
    }

    private JsonNode scalar(JsonParser p, JsonToken t) throws IOException {
      return switch (t) {
        case VALUE_STRING -> nodes.textNode(p.getText());
        case VALUE_NUMBER_INT -> integer(p);
        case VALUE_NUMBER_FLOAT -> decimal(p);
        case VALUE_TRUE -> nodes.booleanNode(true);
        case VALUE_FALSE -> nodes.booleanNode(false);
        case VALUE_NULL -> nodes.nullNode();
        default -> nodes.textNode(p.getText());
      };
    }

    /** Ids are often numbers in YAML: {@code 007} keeps its text rather than becoming 7. */
    private JsonNode integer(JsonParser p) throws IOException {
      String text = p.getText();
      if (text != null && text.length() > 1 && (text.startsWith("0") || text.contains("_"))) {
        return nodes.textNode(text);
      }
      return switch (p.getNumberType()) {
        case INT -> nodes.numberNode(p.getIntValue());
        case LONG -> nodes.numberNode(p.getLongValue());
        default -> nodes.numberNode(p.getBigIntegerValue());
      };
    }

    /** Exact decimals keep their text: ids 1.1 and 1.10 stay distinct. */
    private JsonNode decimal(JsonParser p) throws IOException {
      try {
        return nodes.numberNode(new java.math.BigDecimal(p.getText().trim()));
      } catch (NumberFormatException e) {
        return nodes.numberNode(p.getDoubleValue()); // .inf, .nan
      }
    }
  }

  /** JSON-pointer escaping of one path segment (RFC 6901). */
  static String escape(String segment) {
    return segment.replace("~", "~0").replace("/", "~1");
  }
}
