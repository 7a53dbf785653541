package dev.blueprint.server.cli;

import dev.blueprint.journal.session.JournalDocument;
import dev.blueprint.journal.session.JournalPublisher;
import dev.blueprint.journal.session.JournalService;
import dev.blueprint.journal.session.ListedJournal;
import dev.blueprint.journal.session.Redactor;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bp journal list}: every journal in {@code sessions/}, oldest first. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List the journals in sessions/, oldest first.")
final class JournalListCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin RepositoryOption repo;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    JournalService service =
        new JournalService(
            repo.root(), Redactor.patternsOnly(), JournalPublisher.NONE, Clock.systemUTC());
    List<ListedJournal> journals = service.list();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      List<Map<String, Object>> items = new ArrayList<>();
      journals.forEach(l -> items.add(JournalJson.document(l.file(), l.document())));
      Map<String, Object> top = JournalJson.top();
      top.put("journals", items);
      out.println(JournalJson.write(top));
      return ExitCodes.OK;
    }
    if (journals.isEmpty()) {
      out.println("no journals in " + service.folder());
      return ExitCodes.OK;
    }
    out.println(row("FILE", "DATE", "STATUS", "AGENT", "TITLE"));
    for (ListedJournal l : journals) {
      JournalDocument d = l.document();
      out.println(
          row(
              l.file().getFileName().toString(),
              d.date().map(Object::toString).orElse("-"),
              d.status().map(s -> s.word()).orElse("-"),
              d.agent().orElse("-"),
              d.title()));
    }
    return ExitCodes.OK;
  }

  private static String row(String file, String date, String status, String agent, String title) {
    return String.format(
            Locale.ROOT, "%-40s %-10s %-10s %-20s %s", file, date, status, agent, title)
        .stripTrailing();
  }
}
