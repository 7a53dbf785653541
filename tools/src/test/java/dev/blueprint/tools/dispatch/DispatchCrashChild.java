package dev.blueprint.tools.dispatch;

import dev.blueprint.journal.git.GitCli;
import dev.blueprint.journal.git.QueueOptions;
import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.BlueprintReader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.util.FS;

/**
 * A dispatch process for {@link DispatchKillNineIT}: starts (or resumes, given a run id) a run of
 * the blueprint and prints the run id, until it is killed.
 */
public final class DispatchCrashChild {
  private DispatchCrashChild() {}

  public static void main(String[] args) throws Exception {
    Path repo = Path.of(args[0]);
    Blueprint bp = BlueprintReader.readFile(Path.of(args[1]));
    FS.DETECTED.setUserHome(Path.of(System.getenv("HOME")).toFile());
    Map<String, String> env = System.getenv();
    try (Dispatcher d =
        Dispatcher.open(
            repo,
            new GitCli(env),
            QueueOptions.defaults()
                .withCommitter(new PersonIdent("Blueprint Test", "bp-test@example.invalid")),
            Clock.systemUTC())) {
      Dispatcher.Options o = new Dispatcher.Options(null, null, "claude", env, Map.of());
      String runId = args.length > 2 ? args[2] : d.start(bp, "main", o);
      System.out.println(runId);
      System.out.flush();
      d.run(bp, runId, o);
    }
  }
}
