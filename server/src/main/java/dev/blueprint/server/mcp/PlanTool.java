package dev.blueprint.server.mcp;

import dev.blueprint.tools.plan.CheckedPlan;
import dev.blueprint.tools.plan.Plan;
import dev.blueprint.tools.plan.PlanOptions;
import dev.blueprint.tools.plan.Planner;
import dev.blueprint.tools.validate.ValidationReport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The {@code plan} tool: waves, critical path and unscheduled tasks of a blueprint given by path or
 * text; or, given only goals, a blueprint drafted by the client's own model (MCP sampling) and its
 * plan.
 */
final class PlanTool {
  static final String NAME = "plan";

  private final BlueprintSource source;
  private final BlueprintDrafter drafter;
  private final ResultCache cache;

  PlanTool(BlueprintSource source, BlueprintDrafter drafter, ResultCache cache) {
    this.source = source;
    this.drafter = drafter;
    this.cache = cache;
  }

  static Tool definition() {
    return Tool.builder()
        .name(NAME)
        .title("Plan blueprint")
        .description(
            "Order a blueprint's tasks into parallel waves; shows critical path and tasks that"
                + " will not run. Give path or text, or goals (free text) to have your model"
                + " draft the blueprint first.")
        .inputSchema(ToolSchemas.load("plan.input"))
        .outputSchema(ToolSchemas.load("plan.output"))
        .build();
  }

  CallToolResult call(ToolCall call) {
    ToolArguments args = call.args();
    args.requireExactlyOne("path", "text", "goals");
    PlanOptions options = new PlanOptions(args.positiveInt("max_parallel"), Set.of());
    String goals = args.string("goals");
    if (goals != null) {
      return fromGoals(call, goals, options);
    }
    BlueprintSource.Loaded loaded = source.load(args.string("path"), args.string("text"));
    if (loaded instanceof BlueprintSource.Refused refused) {
      return ToolReplies.failure(refused.message());
    }
    BlueprintSource.Read read = (BlueprintSource.Read) loaded;
    return cache.get(
        key(read, options),
        () -> {
          CheckedPlan checked = CheckedPlan.of(source.parse(read), options);
          return planValid(checked.report(), checked::plan, null);
        });
  }

  /**
   * The plan already held for this call, found without parsing anything; empty when there is none
   * or the call is not one the cache answers (goals, bad arguments: then {@link #call} answers).
   */
  Optional<CallToolResult> cached(ToolArguments args) {
    PlanOptions options;
    try {
      args.requireExactlyOne("path", "text", "goals");
      options = new PlanOptions(args.positiveInt("max_parallel"), Set.of());
    } catch (McpError e) {
      return Optional.empty();
    }
    if (args.string("goals") != null) {
      return Optional.empty();
    }
    return source.load(args.string("path"), args.string("text"))
            instanceof BlueprintSource.Read read
        ? cache.peek(key(read, options))
        : Optional.empty();
  }

  private static ResultCache.Key key(BlueprintSource.Read read, PlanOptions options) {
    return new ResultCache.Key(
        NAME, "max_parallel=" + options.maxParallel(), read.sourceName(), read.text());
  }

  private CallToolResult fromGoals(ToolCall call, String goals, PlanOptions options) {
    BlueprintDrafter.Outcome outcome = drafter.draft(call, goals);
    if (outcome instanceof BlueprintDrafter.Unavailable unavailable) {
      return ToolReplies.failure(unavailable.message());
    }
    BlueprintDrafter.Draft draft = (BlueprintDrafter.Draft) outcome;
    Map<String, Object> draftJson = new LinkedHashMap<>();
    draftJson.put("text", draft.text());
    draftJson.put("attempts", draft.attempts());
    return planValid(draft.report(), () -> Planner.plan(draft.blueprint(), options), draftJson);
  }

  private static CallToolResult planValid(
      ValidationReport report, Supplier<Plan> plan, Map<String, Object> draft) {
    if (!report.valid()) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("schema_version", 1);
      json.put("source", report.source());
      Map<String, Object> validation = ValidationView.json(report);
      json.put("valid", false);
      json.put("task_count", validation.get("task_count"));
      json.put("error_count", validation.get("error_count"));
      json.put("diagnostics", validation.get("diagnostics"));
      if (draft != null) {
        json.put("draft", draft);
      }
      StringBuilder text = new StringBuilder();
      text.append(
          draft != null
              ? "the drafted blueprint is still invalid after "
                  + draft.get("attempts")
                  + " attempts; fix it and call plan with text"
              : "cannot plan an invalid blueprint; fix these and call plan again");
      ValidationView.appendDiagnostics(
          text, report.diagnostics().stream().filter(d -> d.isError()).toList());
      if (draft != null) {
        text.append("\n\ndraft:\n").append(draft.get("text"));
      }
      return ToolReplies.problem(json, text.toString());
    }
    Plan planned = plan.get();
    Map<String, Object> json = PlanView.json(planned);
    String text = PlanView.text(planned);
    if (draft != null) {
      json.put("draft", draft);
      text =
          text
              + "\n\ndrafted blueprint ("
              + draft.get("attempts")
              + " attempts):\n"
              + draft.get("text");
    }
    return ToolReplies.ok(json, text);
  }
}
