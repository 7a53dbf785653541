package dev.blueprint.tools.blueprint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Document;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Reads the markdown form: commonmark-java walks the document; fenced YAML blocks whose mapping has
 * a {@code task_id} are tasks (under headings of any depth), {@code ## Tier N: Name} headings group
 * them, HTML comments or YAML front matter carry metadata, and yaml blocks with top key {@code
 * execution} or {@code dependency_graph}/{@code dependencies} are the execution configuration and
 * the hand-written graph.
 */
final class MarkdownReader {
  /**
   * Block structure only: headings are read from their source lines and code blocks are literal, so
   * inline parsing (quadratic on some hostile input, such as 100k brackets) is switched off.
   */
  private static final Parser PARSER =
      Parser.builder()
          .includeSourceSpans(IncludeSourceSpans.BLOCKS)
          .inlineParserFactory(context -> (lines, node) -> {})
          .build();

  private static final Pattern TIER =
      Pattern.compile("(?i)^tier\\s+(\\d{1,6})\\b\\s*[:.\\-—–]?\\s*(.*)$");
  // Horizontal whitespace only, and no lazy group before a trailing \s*: linear on hostile lines.
  private static final Pattern META =
      Pattern.compile("^[ \\t]*+(_[A-Za-z0-9_.\\-]++)[ \\t]*+:(.*)$");
  private static final Pattern TASK_ID_LINE =
      Pattern.compile("(?m)^[ \\t]*+-?[ \\t]*+task_id[ \\t]*+:");

  private final SourceLines lines;
  private final BlueprintParts parts;
  private Tier tier;
  private int tierLevel;
  private String heading;

  private MarkdownReader(SourceLines lines, BlueprintParts parts) {
    this.lines = lines;
    this.parts = parts;
  }

  static Blueprint read(String text, BlueprintParts parts) {
    return read(text, parts, true);
  }

  /**
   * Reads markdown; with {@code plainScan}, documents in the plain subset are read by {@link
   * PlainMarkdownScan} and only the rest by commonmark (false: always commonmark, for tests that
   * compare the two).
   */
  static Blueprint read(String text, BlueprintParts parts, boolean plainScan) {
    return read(SourceText.of(text), parts, plainScan);
  }

  /**
   * Reads markdown from decoded text or from a Latin-1 view of UTF-8 bytes ({@link SourceText}):
   * the preamble and the plain scan read the view; commonmark is given the decoded text.
   */
  static Blueprint read(SourceText source, BlueprintParts parts, boolean plainScan) {
    SourceLines lines = new SourceLines(source);
    int body = MarkdownPreamble.frontMatter(lines, parts);
    int blank = MarkdownPreamble.junkBeforeTitle(lines, body);
    List<PlainMarkdownScan.Block> blocks = plainScan ? PlainMarkdownScan.scan(lines, blank) : null;
    if (blocks == null && source.isView()) {
      // The decoded text has the same lines, so `blank` still holds; headings are read from it.
      lines = new SourceLines(source.decoded());
    }
    MarkdownReader r = new MarkdownReader(lines, parts);
    if (blocks != null) {
      for (PlainMarkdownScan.Block b : blocks) {
        if (b instanceof PlainMarkdownScan.HeadingBlock h) {
          r.heading(h.level(), h.text(), h.line());
        } else if (b instanceof PlainMarkdownScan.FenceBlock f) {
          r.fence(f.info(), f::literal, f.line());
        } else if (b instanceof PlainMarkdownScan.HtmlBlock h) {
          r.html(h.literal(), h.line());
        }
      }
    } else {
      // Lines before `blank` are emptied so commonmark does not see them; later lines keep their
      // numbers, and headings (the only lines read back) are never in the emptied part.
      r.walk(PARSER.parse(lines.blankedBefore(blank)));
    }
    r.flush();
    return parts.build();
  }

  /** Pre-order walk with an explicit stack: deeply nested input cannot overflow the Java stack. */
  private void walk(Node doc) {
    Deque<Node> stack = new ArrayDeque<>();
    stack.push(doc);
    while (!stack.isEmpty()) {
      Node n = stack.pop();
      if (n instanceof Heading h) {
        heading(h.getLevel(), HeadingText.of(h, lines), firstLine(h));
      } else if (n instanceof FencedCodeBlock f) {
        fence(f.getInfo(), f::getLiteral, firstLine(f));
      } else if (n instanceof HtmlBlock h) {
        html(h.getLiteral(), firstLine(h));
      }
      if (n instanceof Document
          || n instanceof BlockQuote
          || n instanceof ListBlock
          || n instanceof ListItem) {
        Deque<Node> children = new ArrayDeque<>();
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
          children.push(c);
        }
        children.forEach(stack::push);
      }
    }
  }

  private static int firstLine(Node n) {
    List<SourceSpan> spans = n.getSourceSpans();
    return spans.isEmpty() ? 0 : spans.get(0).getLineIndex();
  }

  /** A heading of {@code level} whose source line is {@code lineIndex} (0-based). */
  private void heading(int level, String text, int lineIndex) {
    heading = text;
    if (level == 1 && parts.title == null) {
      parts.title = text;
    }
    // Most headings are not tiers: a cheap look at the first word before the regular expression.
    Matcher m = text.regionMatches(true, 0, "tier", 0, 4) ? TIER.matcher(text) : null;
    if (m != null && m.matches()) {
      if (tier == null || level <= tierLevel) {
        String name = m.group(2).isBlank() ? "Tier " + m.group(1) : m.group(2).trim();
        tier = new Tier(name, Integer.parseInt(m.group(1)), lineIndex + 1);
        tierLevel = level;
      }
    } else if (tier != null && level <= tierLevel) {
      tier = null;
    }
  }

  /** An HTML block whose first line is {@code lineIndex} (0-based): queued in document order. */
  private void html(String literal, int lineIndex) {
    pending.add(new Step(null, null, null, literal, lineIndex));
  }

  private void applyHtml(String literal, int lineIndex) {
    String[] body = literal == null ? new String[0] : literal.split("\n", -1);
    int start = lineIndex + 1;
    for (int i = 0; i < body.length; i++) {
      String l = body[i];
      if (l.contains("BLUEPRINT METADATA") && parts.metadataLine == 0) {
        parts.metadataLine = start + i;
      }
      Matcher m = META.matcher(l.replace("<!--", "").replace("-->", ""));
      if (m.matches()) {
        parts.metadata(m.group(1), m.group(2).trim(), start + i);
      }
    }
  }

  /** A fence to parse (with the tier and heading it sits under) or an HTML block, in order. */
  private record Step(Fence fence, Tier tier, String heading, String html, int htmlLine) {}

  /** A fence to parse; its content is cut out of the text when parsed ({@link #body}). */
  private record Fence(String lang, Supplier<String> literal, int contentLine) {
    String body() {
      String b = literal.get();
      return b == null ? "" : b;
    }
  }

  /** What parsing a fence gave: its documents, or why it failed. */
  private record Parsed(
      List<LocatedDocument> docs, LocatedTreeParser.ParseFailure failure, Task task) {}

  /**
   * Fences are parsed this many at a time, in parallel (YAML parsing is most of the reading time),
   * then applied in document order; the batch bounds how many parsed trees wait in memory.
   */
  private static final int BATCH = 512;

  private final List<Step> pending = new ArrayList<>();

  /** A fenced block whose opening fence is on line {@code lineIndex} (0-based). */
  private void fence(String infoString, Supplier<String> literal, int lineIndex) {
    String info = infoString == null ? "" : infoString.trim().toLowerCase(Locale.ROOT);
    int space = 0;
    while (space < info.length() && " \t\n\u000B\f\r".indexOf(info.charAt(space)) < 0) {
      space++;
    }
    String lang = info.substring(0, space); // the first word (regex \s ends it)
    Fence fence = new Fence(lang, literal, lineIndex + 2);
    boolean structured = lang.equals("yaml") || lang.equals("yml") || lang.equals("json");
    if (!structured && !(lang.isEmpty() && TASK_ID_LINE.matcher(fence.body()).find())) {
      return;
    }
    pending.add(new Step(fence, tier, heading, null, 0));
    if (pending.size() >= BATCH) {
      flush();
    }
  }

  /** Parses the pending fences in parallel, then applies every pending step in document order. */
  private void flush() {
    if (pending.isEmpty()) {
      return;
    }
    List<Parsed> parsed =
        (pending.size() > 1 ? pending.parallelStream() : pending.stream())
            .map(s -> s.fence() == null ? null : parse(s))
            .toList();
    Tier current = tier;
    String currentHeading = heading;
    for (int i = 0; i < pending.size(); i++) {
      Step s = pending.get(i);
      if (s.fence() == null) {
        applyHtml(s.html(), s.htmlLine());
        continue;
      }
      tier = s.tier();
      heading = s.heading();
      Parsed p = parsed.get(i);
      if (p.failure() != null) {
        parseFailure(s.fence().body(), p.failure());
        continue;
      }
      if (p.task() != null) {
        if (tier != null) {
          parts.tier(tier);
        }
        parts.tasks.add(p.task());
        continue;
      }
      for (LocatedDocument d : p.docs()) {
        block(d);
      }
    }
    tier = current;
    heading = currentHeading;
    pending.clear();
  }

  /**
   * Parses a fence; a block that is one task (the usual case) is also mapped to its {@link Task}
   * here, in the parallel workers, rather than afterwards in document order.
   */
  private static Parsed parse(Step s) {
    Fence f = s.fence();
    String body = f.body();
    List<LocatedDocument> docs;
    try {
      docs =
          f.lang().equals("json")
              ? LocatedTreeParser.parseJson(body, f.contentLine())
              : LocatedTreeParser.parseYaml(body, f.contentLine());
    } catch (LocatedTreeParser.ParseFailure e) {
      return new Parsed(null, e, null);
    }
    if (docs.size() == 1 && docs.get(0).root() instanceof ObjectNode raw && raw.has("task_id")) {
      return new Parsed(docs, null, mapTask(raw, docs.get(0), "", s.tier(), s.heading()));
    }
    return new Parsed(docs, null, null);
  }

  private void parseFailure(String body, LocatedTreeParser.ParseFailure e) {
    boolean meant =
        TASK_ID_LINE.matcher(body).find() || body.stripLeading().startsWith("execution:");
    String where = heading == null ? "" : " under '" + heading + "'";
    String message =
        "yaml block"
            + where
            + " does not parse: "
            + firstLineOf(e.getMessage())
            + (meant ? "; the task in it was not read" : "");
    parts.diagnostics.add(
        meant
            ? Diagnostic.error("E_YAML_PARSE", message, null, e.line)
            : Diagnostic.warning("W_YAML_PARSE", message, null, e.line));
  }

  private static String firstLineOf(String s) {
    if (s == null) {
      return "unreadable";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).trim();
  }

  private void block(LocatedDocument d) {
    JsonNode root = d.root();
    if (root == null) {
      return;
    }
    if (root.isArray()) {
      for (int i = 0; i < root.size(); i++) {
        JsonNode e = root.get(i);
        if (e.isObject() && e.has("task_id")) {
          task((ObjectNode) e, d, "/" + i);
        }
      }
      return;
    }
    if (!root.isObject()) {
      return;
    }
    if (root.has("task_id")) {
      task((ObjectNode) root, d, "");
      return;
    }
    JsonNode exec = root.get("execution");
    if (exec != null && exec.isObject() && parts.execution.line() == 0) {
      parts.execution =
          ExecutionMapper.map(
              (ObjectNode) exec, d.linesUnder("/execution"), d.lineOf("/execution", d.line()));
    }
    JsonNode graph =
        root.has("dependency_graph") ? root.get("dependency_graph") : root.get("dependencies");
    String graphKey = root.has("dependency_graph") ? "/dependency_graph" : "/dependencies";
    if (graph != null && parts.graph == null) {
      parts.graph = DeclaredGraphMapper.map(graph, d, graphKey);
    }
    JsonNode tasks = root.get("tasks");
    if (tasks != null && tasks.isArray()) {
      for (int i = 0; i < tasks.size(); i++) {
        JsonNode e = tasks.get(i);
        if (e.isObject() && e.has("task_id")) {
          task((ObjectNode) e, d, "/tasks/" + i);
        }
      }
    }
    root.fields()
        .forEachRemaining(
            e -> {
              if (e.getKey().startsWith("_")) {
                parts.metadata(
                    e.getKey(),
                    e.getValue().isContainerNode()
                        ? e.getValue().toString()
                        : e.getValue().asText(),
                    d.lineOf("/" + LocatedTreeParser.escape(e.getKey()), d.line()));
              } else if (!e.getKey().equals("execution") && !e.getKey().equals("tasks")) {
                parts.extra(e.getKey(), e.getValue());
              }
            });
  }

  private void task(ObjectNode raw, LocatedDocument d, String pointer) {
    if (tier != null) {
      parts.tier(tier);
    }
    parts.tasks.add(mapTask(raw, d, pointer, tier, heading));
  }

  private static Task mapTask(
      ObjectNode raw, LocatedDocument d, String pointer, Tier tier, String heading) {
    String id = NodeValues.text(raw, "task_id");
    return TaskMapper.map(
        raw, d.linesUnder(pointer), d.lineOf(pointer, d.line()), tier, TaskTitle.of(heading, id));
  }
}
