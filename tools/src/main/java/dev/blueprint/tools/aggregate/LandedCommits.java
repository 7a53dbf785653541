package dev.blueprint.tools.aggregate;

import dev.blueprint.journal.git.GitCli;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Finds the commits a run landed: those on its base branch whose {@code Blueprint-Run} trailer
 * names it. The trailers are the record the commit queue wrote, so this holds even when the run
 * store is lost.
 */
final class LandedCommits {
  private static final String SEP = "\u001f";

  private LandedCommits() {}

  static List<RunReport.LandedCommit> of(GitCli git, Path repo, String runId, String branch) {
    GitCli.Result r =
        git.run(
            repo,
            "log",
            "--format=%H"
                + "%x1f"
                + "%s"
                + "%x1f"
                + "%(trailers:key=Blueprint-Run,valueonly,separator=)%x1f"
                + "%(trailers:key=Blueprint-Task,valueonly,separator=)%x1e",
            "refs/heads/" + branch,
            "--");
    List<RunReport.LandedCommit> out = new ArrayList<>();
    if (!r.ok()) {
      return out;
    }
    for (String record : r.output().split("\u001e")) {
      String[] f = record.strip().split(SEP, -1);
      if (f.length >= 4 && f[2].strip().equals(runId)) {
        out.add(new RunReport.LandedCommit(f[0].strip(), f[1], f[3].strip()));
      }
    }
    Collections.reverse(out);
    return out;
  }
}
