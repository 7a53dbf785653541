package dev.blueprint.server.cli;

import dev.blueprint.journal.session.JournalDocument;
import dev.blueprint.journal.session.JournalReader;
import dev.blueprint.journal.session.JournalService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bp journal show FILE}: one journal, as written or as read ({@code --json}). */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = "Show one journal: its text, or with --json what blueprint reads from it.")
final class JournalShowCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "A journal file, or its name inside sessions/.")
  Path file;

  @Mixin RepositoryOption repo;

  @Option(names = "--json", description = "Print what is read from the journal as JSON.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    Path target = file;
    if (!Files.isRegularFile(target)) {
      target = repo.root().resolve(JournalService.FOLDER).resolve(file);
    }
    if (!Files.isRegularFile(target) || !Files.isReadable(target)) {
      throw new UsageException("cannot read journal " + file);
    }
    if (!json) {
      spec.commandLine().getOut().print(Files.readString(target, StandardCharsets.UTF_8));
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    }
    JournalDocument doc = new JournalReader().read(target);
    Map<String, Object> top = JournalJson.top();
    top.putAll(JournalJson.document(target, doc));
    spec.commandLine().getOut().println(JournalJson.write(top));
    return ExitCodes.OK;
  }
}
