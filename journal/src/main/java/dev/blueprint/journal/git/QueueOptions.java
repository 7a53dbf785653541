package dev.blueprint.journal.git;

import java.time.Duration;
import java.util.List;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * How a commit queue lands changes.
 *
 * @param targetBranch the integration branch (short name or full ref); null means the branch
 *     checked out in the main checkout when the queue opens
 * @param committer the committer of landed commits; null means the repository's user config
 * @param gate a command run on each would-be result in a scratch workspace before the branch moves
 *     (empty: no gate); non-zero exit rejects the change
 * @param gateTimeout how long the gate may run
 * @param git how to run the git executable (for the gate's scratch workspace)
 * @param syncCheckout whether to bring the main checkout's clean files up to each new tip
 */
public record QueueOptions(
    String targetBranch,
    PersonIdent committer,
    List<String> gate,
    Duration gateTimeout,
    GitCli git,
    boolean syncCheckout) {
  public QueueOptions {
    gate = List.copyOf(gate);
  }

  public static QueueOptions defaults() {
    return new QueueOptions(
        null, null, List.of(), Duration.ofMinutes(10), GitCli.inheritingEnvironment(), true);
  }

  public QueueOptions withTargetBranch(String branch) {
    return new QueueOptions(branch, committer, gate, gateTimeout, git, syncCheckout);
  }

  public QueueOptions withCommitter(PersonIdent who) {
    return new QueueOptions(targetBranch, who, gate, gateTimeout, git, syncCheckout);
  }

  public QueueOptions withGate(List<String> command, Duration timeout) {
    return new QueueOptions(targetBranch, committer, command, timeout, git, syncCheckout);
  }

  public QueueOptions withGit(GitCli cli) {
    return new QueueOptions(targetBranch, committer, gate, gateTimeout, cli, syncCheckout);
  }
}
