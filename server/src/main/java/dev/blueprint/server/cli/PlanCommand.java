package dev.blueprint.server.cli;

import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.plan.CheckedPlan;
import dev.blueprint.tools.plan.Plan;
import dev.blueprint.tools.plan.PlanOptions;
import dev.blueprint.tools.render.JsonOutput;
import dev.blueprint.tools.render.PlanJson;
import dev.blueprint.tools.render.PlanText;
import dev.blueprint.tools.validate.ValidationReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bp plan FILE [--json] [--parallel N]}: the waves, critical path and unscheduled tasks. The
 * plan is printed even for an invalid blueprint (the planner plans around cycles and missing
 * dependencies), but the exit code is then 1, so scripts do not start work on a broken blueprint.
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {
      "Order a blueprint's tasks into waves that may run together, and show the critical path",
      "and the tasks that will not run, with why.",
      "Exit codes: 0 valid, 1 the blueprint has errors (the plan is still printed),",
      "2 bad usage or unreadable file."
    })
final class PlanCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "The blueprint (markdown, YAML or JSON).")
  Path file;

  @Option(names = "--json", description = "Print one JSON object (schema_version 1).")
  boolean json;

  @Option(
      names = "--parallel",
      paramLabel = "N",
      description = "At most N tasks per wave (overrides execution.max_parallel_tasks).")
  Integer parallel;

  @Override
  public Integer call() {
    if (parallel != null && parallel < 1) {
      throw new UsageException("--parallel must be at least 1, got " + parallel);
    }
    Blueprint blueprint = BlueprintFile.read(file);
    CheckedPlan checked = CheckedPlan.of(blueprint, new PlanOptions(parallel, Set.of()));
    ValidationReport report = checked.report();
    Plan plan = checked.plan();
    PrintWriter out = spec.commandLine().getOut();
    out.print(
        json
            ? JsonOutput.print(PlanJson.toJson(plan, report)) + "\n"
            : PlanText.render(plan, report));
    out.flush();
    return report.valid() ? ExitCodes.OK : ExitCodes.PROBLEM_FOUND;
  }
}
