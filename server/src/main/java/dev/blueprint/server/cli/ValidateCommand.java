package dev.blueprint.server.cli;

import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.render.JsonOutput;
import dev.blueprint.tools.render.ValidationJson;
import dev.blueprint.tools.render.ValidationText;
import dev.blueprint.tools.validate.ValidationReport;
import dev.blueprint.tools.validate.Validator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bp validate FILE [--json]}: every finding at once; exit 1 when any is an error. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check a blueprint against every BSF rule and list all findings at once.",
      "Exit codes: 0 valid, 1 the blueprint has errors, 2 bad usage or unreadable file."
    })
final class ValidateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "The blueprint (markdown, YAML or JSON).")
  Path file;

  @Option(names = "--json", description = "Print one JSON object (schema_version 1).")
  boolean json;

  @Override
  public Integer call() {
    Blueprint blueprint = BlueprintFile.read(file);
    ValidationReport report = Validator.validate(blueprint);
    PrintWriter out = spec.commandLine().getOut();
    out.print(
        json
            ? JsonOutput.print(ValidationJson.toJson(report)) + "\n"
            : ValidationText.render(report));
    out.flush();
    return report.valid() ? ExitCodes.OK : ExitCodes.PROBLEM_FOUND;
  }
}
