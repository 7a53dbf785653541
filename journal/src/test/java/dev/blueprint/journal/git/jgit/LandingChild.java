package dev.blueprint.journal.git.jgit;

import dev.blueprint.journal.git.Change;
import dev.blueprint.journal.git.GitCli;
import dev.blueprint.journal.git.QueueOptions;
import dev.blueprint.journal.git.Trailers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.util.FS;

/**
 * A landing process for {@link KillDuringLandingIT}, run in a child JVM that the test kills with
 * SIGKILL: it finishes whatever the previous (killed) process left, then submits and lands
 * three-file changes numbered from {@code first}, printing each id once it is recorded.
 */
public final class LandingChild {
  public static void main(String[] args) throws Exception {
    Path repo = Path.of(args[0]);
    int first = Integer.parseInt(args[1]);
    int count = Integer.parseInt(args[2]);
    FS.DETECTED.setUserHome(Path.of(System.getenv("HOME")).toFile());
    QueueOptions options =
        QueueOptions.defaults()
            .withGit(GitCli.inheritingEnvironment())
            .withCommitter(new PersonIdent("Blueprint Test", "bp-test@example.invalid"));
    try (JGitCommitQueue q = JGitCommitQueue.open(repo, options)) {
      q.drain();
      System.out.println("ready");
      System.out.flush();
      for (int i = first; i < first + count; i++) {
        for (String f : List.of("a", "b", "c")) {
          Path p = repo.resolve("changes/" + i + "/" + f + ".txt");
          Files.createDirectories(p.getParent());
          Files.writeString(p, "change " + i + " file " + f + "\n");
        }
        long id =
            q.submit(
                new Change.FromPaths(
                    repo,
                    List.of("changes/" + i),
                    "change " + i,
                    new Trailers("KILL", "T" + i, null, null)));
        System.out.println("submitted " + i + " " + id);
        System.out.flush();
        q.await(id, Duration.ofMinutes(2));
        System.out.println("landed " + i);
        System.out.flush();
      }
    }
  }
}
