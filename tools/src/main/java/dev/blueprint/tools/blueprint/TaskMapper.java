package dev.blueprint.tools.blueprint;

import static dev.blueprint.tools.blueprint.NodeValues.anyText;
import static dev.blueprint.tools.blueprint.NodeValues.bool;
import static dev.blueprint.tools.blueprint.NodeValues.integer;
import static dev.blueprint.tools.blueprint.NodeValues.number;
import static dev.blueprint.tools.blueprint.NodeValues.text;
import static dev.blueprint.tools.blueprint.NodeValues.texts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns one task mapping into a {@link Task}, reading both BSF dialects (2.0 and 2.1) leniently.
 * Nothing is judged here: the validator reads {@code raw} and the typed fields to report problems.
 */
final class TaskMapper {
  /** The parser's own pointer instance, so element pointers come from its table, not a concat. */
  private static final String DEPENDENCIES = LocatedTreeParser.shared("/dependencies");

  private final ObjectNode raw;
  private final Map<String, Integer> lines;
  private final int line;

  private TaskMapper(ObjectNode raw, Map<String, Integer> lines, int line) {
    this.raw = raw;
    this.lines = lines;
    this.line = line;
  }

  /**
   * Maps a task.
   *
   * @param lines absolute lines keyed by pointers relative to the task ({@code /name})
   * @param fallbackLine the line used when the task_id key has no recorded line
   * @param headingTitle the markdown heading title over the block, used when there is no name
   */
  static Task map(
      ObjectNode raw,
      Map<String, Integer> lines,
      int fallbackLine,
      Tier tier,
      String headingTitle) {
    int line = lines.getOrDefault("/task_id", fallbackLine);
    return new TaskMapper(raw, lines, line).build(tier, headingTitle);
  }

  private int at(String pointer) {
    return lines.getOrDefault(pointer, line);
  }

  private Task build(Tier tier, String headingTitle) {
    String id = text(raw, "task_id");
    Task.Builder b = Task.builder(id == null ? "" : id.trim()).line(line).tier(tier);
    String name = text(raw, "name");
    b.name(name != null ? name : headingTitle != null ? headingTitle : id);
    String status = text(raw, "status");
    b.status(status == null ? TaskStatus.notStarted() : TaskStatus.of(status));
    dependencies(b);
    bindings(b);
    ports(b);
    interfaceText(b);
    texts(raw.get("acceptance_criteria"), false).forEach(b::acceptanceCriterion);
    verification(b);
    b.testCommand(text(raw, "test_command"));
    b.rollback(rollback(raw.get("rollback")));
    locks(b);
    b.parallelGroup(text(raw, "parallel_group"));
    b.estimatedSessions(number(raw.get("estimated_sessions")));
    b.timeout(timeout());
    onFailure(b);
    b.humanRequired(humanGate(raw.get("human_required")));
    b.agent(text(raw, "agent"));
    texts(raw.get("command"), false).forEach(b::command);
    texts(raw.get("files_to_create"), false).forEach(b::fileToCreate);
    texts(raw.get("files_to_modify"), false).forEach(b::fileToModify);
    capabilities(b);
    b.description(text(raw, "description"));
    b.raw(raw);
    b.fieldLines(lines);
    return b.build();
  }

  private void dependencies(Task.Builder b) {
    JsonNode deps = raw.get("dependencies");
    if (deps == null) {
      return;
    }
    if (deps.isArray()) {
      for (int i = 0; i < deps.size(); i++) {
        JsonNode e = deps.get(i);
        int l = at(SharedNames.element(DEPENDENCIES, i));
        if (e.isObject()) {
          String task = text(e, "task");
          if (task == null) {
            task = text(e, "task_id");
          }
          if (task != null) {
            b.dependency(
                new Dependency(
                    task.trim(), dependencyType(text(e, "type")), text(e, "output_port"), l));
          }
        } else if (text(e) != null && !text(e).isBlank()) {
          b.dependency(new Dependency(text(e).trim(), DependencyType.COMPLETION, null, l));
        }
      }
    } else if (!deps.isObject()) {
      int l = at("/dependencies");
      for (String id : texts(deps, true)) {
        b.dependency(new Dependency(id, DependencyType.COMPLETION, null, l));
      }
    }
  }

  private static DependencyType dependencyType(String t) {
    if (t == null) {
      return DependencyType.COMPLETION;
    }
    return switch (t.trim().toLowerCase(Locale.ROOT)) {
      case "data" -> DependencyType.DATA;
      case "resource" -> DependencyType.RESOURCE;
      default -> DependencyType.COMPLETION;
    };
  }

  private void bindings(Task.Builder b) {
    JsonNode in = raw.get("input_bindings");
    if (in == null || !in.isObject()) {
      return;
    }
    in.fields()
        .forEachRemaining(
            e -> {
              String p = "/input_bindings/" + LocatedTreeParser.escape(e.getKey());
              JsonNode v = e.getValue();
              String source = text(v, "source");
              JsonNode transform = v.get("transform");
              String language = null;
              String expression = null;
              if (transform != null && transform.isObject()) {
                language = text(transform, "language");
                expression = text(transform, "expression");
              } else if (text(transform) != null) {
                // A bare string is read as a jq expression, the only language BSF allows.
                language = "jq";
                expression = text(transform);
              }
              b.binding(
                  new Binding(
                      e.getKey(),
                      source == null ? null : source.trim(),
                      text(v, "output_port"),
                      text(v, "transfer"),
                      bool(v.get("required"), true),
                      language,
                      expression,
                      v.get("fallback"),
                      at(p)));
            });
  }

  private void ports(Task.Builder b) {
    JsonNode output = raw.get("output");
    if (output != null && output.get("ports") != null) {
      JsonNode ports = output.get("ports");
      if (ports.isObject()) {
        ports.fieldNames().forEachRemaining(b::outputPort);
      } else if (ports.isArray()) {
        for (JsonNode port : ports) {
          String n = port.isObject() ? text(port, "name") : text(port);
          if (n != null) {
            b.outputPort(n);
          }
        }
      }
    }
    JsonNode iface = raw.get("interface");
    if (iface != null && iface.get("outputs") != null && iface.get("outputs").isArray()) {
      for (JsonNode o : iface.get("outputs")) {
        String n = o.isObject() ? text(o, "name") : text(o);
        if (n != null) {
          b.outputPort(n);
        }
      }
    }
  }

  private void interfaceText(Task.Builder b) {
    JsonNode iface = raw.get("interface");
    if (iface == null || !iface.isObject()) {
      if (text(iface) != null) {
        b.interfaceInput(text(iface));
      }
      return;
    }
    String input = anyText(iface.get("input"));
    String output = anyText(iface.get("output"));
    b.interfaceInput(input != null ? input : describe(iface.get("inputs")));
    b.interfaceOutput(output != null ? output : describe(iface.get("outputs")));
  }

  /** 2.1 {@code inputs[]}/{@code outputs[]} rendered as "name (type), ...". */
  private static String describe(JsonNode list) {
    if (list == null || !list.isArray() || list.isEmpty()) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    for (JsonNode e : list) {
      if (e.isObject()) {
        String n = text(e, "name");
        String t = text(e, "type");
        parts.add(t == null ? String.valueOf(n) : n + " (" + t + ")");
      } else if (anyText(e) != null) {
        parts.add(anyText(e));
      }
    }
    return String.join(", ", parts);
  }

  private void verification(Task.Builder b) {
    JsonNode v = raw.get("verification");
    if (v == null || !v.isObject()) {
      return;
    }
    for (TestTier tier : TestTier.values()) {
      String key = tier.name().toLowerCase(Locale.ROOT);
      JsonNode step = v.get(key);
      if (step == null || step.isNull()) {
        continue;
      }
      String p = "/verification/" + key;
      if (step.isObject()) {
        Integer exit = integer(step.get("expected_exit_code"));
        b.verification(
            new VerificationStep(
                tier,
                text(step, "command"),
                text(step, "timeout"),
                texts(step.get("requires_resources"), false),
                bool(step.get("optional"), false),
                exit == null ? 0 : exit,
                at(p + "/command")));
      } else {
        b.verification(new VerificationStep(tier, text(step), null, List.of(), false, 0, at(p)));
      }
    }
  }

  /** 2.0 writes a command string; 2.1 writes {@code {strategy, command}}. */
  static String rollback(JsonNode r) {
    if (r == null || r.isNull()) {
      return null;
    }
    if (r.isObject()) {
      String command = text(r, "command");
      return command != null ? command : text(r, "strategy");
    }
    return text(r);
  }

  private void locks(Task.Builder b) {
    JsonNode resources = raw.get("resources");
    JsonNode locks = resources == null ? null : resources.get("locks");
    if (locks == null || !locks.isArray()) {
      return;
    }
    List<LockUse> uses = new ArrayList<>();
    for (int i = 0; i < locks.size(); i++) {
      JsonNode l = locks.get(i);
      int lineOf = at("/resources/locks/" + i);
      if (l.isObject() && text(l, "name") != null) {
        String mode = text(l, "mode") != null ? text(l, "mode") : text(l, "type");
        uses.add(new LockUse(text(l, "name"), lockMode(mode), lineOf));
      } else if (text(l) != null) {
        uses.add(new LockUse(text(l), LockMode.EXCLUSIVE, lineOf));
      }
    }
    uses.forEach(b::lock);
  }

  static LockMode lockMode(String mode) {
    return mode != null && mode.trim().equalsIgnoreCase("shared")
        ? LockMode.SHARED
        : LockMode.EXCLUSIVE;
  }

  private String timeout() {
    JsonNode resources = raw.get("resources");
    String t = resources == null ? null : text(resources, "timeout");
    if (t == null) {
      JsonNode ctx = raw.get("execution_context");
      t = ctx == null ? null : text(ctx, "timeout");
    }
    return t;
  }

  private void onFailure(Task.Builder b) {
    JsonNode f = raw.get("on_failure");
    if (f == null || !f.isObject()) {
      return;
    }
    Integer retries = integer(f.get("max_retries"));
    String action = text(f, "action");
    FailureAction a = FailureAction.BLOCK;
    if (action != null) {
      switch (action.trim().toLowerCase(Locale.ROOT)) {
        case "abort" -> a = FailureAction.ABORT;
        case "skip" -> a = FailureAction.SKIP;
        default -> a = FailureAction.BLOCK;
      }
    }
    String fallback = text(f, "fallback_task");
    b.onFailure(
        new OnFailure(
            retries == null ? 0 : Math.max(0, retries),
            text(f, "retry_delay"),
            a,
            fallback == null || fallback.isBlank() ? null : fallback.trim(),
            at("/on_failure")));
  }

  /** 2.0 {@code {action, reason, notify, timeout}}; 2.1 {@code {description, action_required}}. */
  private HumanGate humanGate(JsonNode h) {
    if (h == null || h.isNull()) {
      return null;
    }
    int l = at("/human_required");
    if (h.isObject()) {
      String action = text(h, "action");
      String reason = text(h, "reason");
      String description = text(h, "description");
      JsonNode required = h.get("action_required");
      if (action == null && required != null && required.isTextual()) {
        action = required.asText();
      }
      if (action == null) {
        action = description;
      }
      if (reason == null) {
        reason = description;
      }
      return new HumanGate(action, reason, text(h, "timeout"), l);
    }
    if (h.isBoolean()) {
      return h.booleanValue() ? new HumanGate(null, null, null, l) : null;
    }
    return new HumanGate(text(h), null, null, l);
  }

  private void capabilities(Task.Builder b) {
    JsonNode caps = raw.get("required_capabilities");
    if (caps == null || !caps.isArray()) {
      texts(caps, true).forEach(b::requiredCapability);
      return;
    }
    for (JsonNode c : caps) {
      if (c.isObject()) {
        String n = text(c, "name");
        String v = text(c, "version");
        if (n != null) {
          b.requiredCapability(v == null ? n : n + v);
        }
      } else if (text(c) != null) {
        b.requiredCapability(text(c));
      }
    }
  }
}
