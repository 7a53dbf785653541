package dev.blueprint.journal.workrate;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Computes the effective work rate of every session: lines its commits added, and how many of them
 * are still at HEAD. Line survival comes from {@link LineTracker} (one pass over history, resumed
 * from {@link WorkRateCache} in {@code .blueprint/workrate.db}).
 */
public final class WorkRateAnalyzer {

  /** Paths never counted: journals are records of work, not the work. */
  public static final List<String> DEFAULT_EXCLUDED = List.of("sessions/");

  /**
   * What to measure and how to judge it.
   *
   * @param since only sessions on or after this day
   * @param period grouping over time
   * @param policy outcome thresholds
   * @param excludedPrefixes path prefixes whose lines are not counted
   */
  public record Options(
      Optional<LocalDate> since,
      WorkRateReport.Period period,
      OutcomePolicy policy,
      List<String> excludedPrefixes) {

    /** Everything, by week, default thresholds, journals excluded. */
    public static Options defaults() {
      return new Options(
          Optional.empty(), WorkRateReport.Period.WEEK, OutcomePolicy.DEFAULTS, DEFAULT_EXCLUDED);
    }
  }

  /**
   * The report and what it cost.
   *
   * @param report the report
   * @param commitsProcessed commits whose diffs were read in this run (0 when HEAD is cached)
   * @param fullRebuild whether the cache was missing or unusable and history was read from the root
   */
  public record Result(WorkRateReport report, int commitsProcessed, boolean fullRebuild) {}

  private final Path workTree;
  private final SessionSource sessions;
  private final Options options;

  /** Analyzes the repository at {@code workTree} with the journals in {@code sessions}. */
  public WorkRateAnalyzer(Path workTree, SessionSource sessions, Options options) {
    this.workTree = workTree;
    this.sessions = sessions;
    this.options = options;
  }

  /** The default cache file of a work tree. */
  public static Path cacheFile(Path workTree) {
    return workTree.resolve(".blueprint").resolve("workrate.db");
  }

  /**
   * Brings the cache up to HEAD and builds the report.
   *
   * @throws IOException when the repository or the cache cannot be read
   * @throws IllegalStateException when the repository has no commits
   */
  public Result analyze() throws IOException {
    // Reading the journals (YAML front matter) is independent of the history pass: on its own
    // thread it overlaps the cache load and the diffs instead of adding to them.
    CompletableFuture<List<SessionInfo>> journals = readJournalsAsync();
    try (Repository repo =
        new FileRepositoryBuilder()
            .setWorkTree(workTree.toFile())
            .readEnvironment()
            .setMustExist(true)
            .build()) {
      ObjectId head = repo.resolve("HEAD^{commit}");
      if (head == null) {
        throw new IllegalStateException(workTree + ": the repository has no commits yet");
      }
      WorkRateCache cache =
          new WorkRateCache(cacheFile(workTree), String.join("\n", options.excludedPrefixes()));
      LineHistory cached = cache.load().orElse(null);
      LineTracker.Advance adv =
          new LineTracker(repo, options.excludedPrefixes()).advance(cached, head, cache);
      int[] alive = adv.history().survivingPerCommit();
      if (adv.commitsProcessed() > 0 || cached == null) {
        cache.save(adv.history(), adv.fullRebuild(), alive);
      }
      WorkRateReport report =
          build(
              adv.history(),
              alive,
              SessionAttribution.attribute(repo, adv.history(), await(journals)));
      return new Result(report, adv.commitsProcessed(), adv.fullRebuild());
    }
  }

  private CompletableFuture<List<SessionInfo>> readJournalsAsync() {
    CompletableFuture<List<SessionInfo>> out = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try {
                out.complete(sessions.sessions());
              } catch (IOException | RuntimeException e) {
                out.completeExceptionally(e);
              }
            },
            "workrate-journals");
    reader.setDaemon(true);
    reader.start();
    return out;
  }

  private static List<SessionInfo> await(CompletableFuture<List<SessionInfo>> journals)
      throws IOException {
    try {
      return journals.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading the journals", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IOException(e.getCause());
    }
  }

  private WorkRateReport build(
      LineHistory h, int[] alive, List<SessionAttribution.Attributed> attributed) {
    long headTime = h.commits.isEmpty() ? 0 : h.commits.get(h.indexBySha.get(h.head)).commitTime();
    int headIndex = h.commits.size() - 1;
    List<SessionRate> rows = new ArrayList<>();
    for (SessionAttribution.Attributed a : attributed) {
      SessionRate row = row(h, a, alive, headTime, headIndex);
      if (options.since().isEmpty() || !row.date().isBefore(options.since().get())) {
        rows.add(row);
      }
    }
    rows.sort(Comparator.comparing(SessionRate::date).thenComparing(SessionRate::id));
    return new WorkRateReport(
        h.head,
        options.period(),
        rows,
        group(rows, r -> List.of(r.agent(), r.model())),
        group(rows, r -> List.of(r.blueprint())),
        group(rows, r -> List.of(periodOf(r.date()))));
  }

  private SessionRate row(
      LineHistory h, SessionAttribution.Attributed a, int[] alive, long headTime, int headIndex) {
    int added = 0;
    int kept = 0;
    int last = -1;
    long lastTime = Long.MIN_VALUE;
    long firstTime = Long.MAX_VALUE;
    Optional<String> agent = Optional.empty();
    Optional<String> model = Optional.empty();
    Optional<String> blueprint = Optional.empty();
    for (int i : a.commits()) {
      CommitFacts c = h.commits.get(i);
      added += c.linesAdded();
      kept += alive[i];
      last = Math.max(last, i);
      lastTime = Math.max(lastTime, c.commitTime());
      firstTime = Math.min(firstTime, c.commitTime());
      agent = agent.or(c::agent);
      model = model.or(c::model);
      blueprint = blueprint.or(c::blueprint);
    }
    SessionInfo info = a.info();
    Optional<String> fromAgent = agent;
    Optional<String> fromModel = model;
    Optional<String> fromBlueprint = blueprint;
    LocalDate firstDay =
        firstTime == Long.MAX_VALUE
            ? LocalDate.EPOCH
            : LocalDate.ofInstant(Instant.ofEpochSecond(firstTime), ZoneOffset.UTC);
    LocalDate date = info.date().orElse(firstDay);
    Outcome outcome =
        a.commits().isEmpty()
            ? Outcome.NO_LINES
            : options.policy().judge(added, kept, headIndex - last, headTime - lastTime);
    return new SessionRate(
        info.id(),
        date,
        info.agent().or(() -> fromAgent).orElse("unknown"),
        info.model().or(() -> fromModel).orElse("unknown"),
        info.blueprint().or(() -> fromBlueprint).orElse("none"),
        a.commits().size(),
        added,
        kept,
        outcome);
  }

  private String periodOf(LocalDate d) {
    if (options.period() == WorkRateReport.Period.DAY) {
      return d.toString();
    }
    return String.format(
        "%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  private static List<GroupRate> group(
      List<SessionRate> rows, Function<SessionRate, List<String>> key) {
    Map<List<String>, int[]> sums = new TreeMap<>(WorkRateAnalyzer::compareKeys);
    for (SessionRate r : rows) {
      int[] s = sums.computeIfAbsent(key.apply(r), k -> new int[3]);
      s[0]++;
      s[1] += r.linesAdded();
      s[2] += r.linesAlive();
    }
    List<GroupRate> out = new ArrayList<>();
    sums.forEach((k, s) -> out.add(new GroupRate(k, s[0], s[1], s[2])));
    return out;
  }

  private static int compareKeys(List<String> a, List<String> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }
}
