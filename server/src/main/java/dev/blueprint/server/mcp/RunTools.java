package dev.blueprint.server.mcp;

import dev.blueprint.journal.git.GitCli;
import dev.blueprint.journal.git.QueueOptions;
import dev.blueprint.journal.session.QueuedJournalPublisher;
import dev.blueprint.tools.aggregate.Aggregation;
import dev.blueprint.tools.aggregate.DispatchReadiness;
import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.BlueprintReader;
import dev.blueprint.tools.blueprint.Diagnostic;
import dev.blueprint.tools.dispatch.Dispatcher;
import dev.blueprint.tools.dispatch.TaskSelection;
import dev.blueprint.tools.render.ValidationText;
import dev.blueprint.tools.status.Run;
import dev.blueprint.tools.status.RunStatus;
import dev.blueprint.tools.status.RunStatusReader;
import dev.blueprint.tools.status.StatusJson;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.ResourceTemplate;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run tools ({@code dispatch}, {@code status}, {@code aggregate}) and the {@code
 * bp://runs/{id}} resource over one repository's {@link Dispatcher}: one per repository per server
 * process, opened on first use. Runs go on in background threads after {@code dispatch} answers.
 */
final class RunTools {
  private static final Logger LOG = LoggerFactory.getLogger(RunTools.class);
  private static final Map<Path, RunTools> BY_REPOSITORY = new ConcurrentHashMap<>();
  static final String RUNS = "bp://runs/";

  private final RepositoryRoot root;
  private final Clock clock = Clock.systemUTC();
  private final Map<String, Boolean> active = new ConcurrentHashMap<>();
  private final ExecutorService background =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "bp-run");
            t.setDaemon(true);
            return t;
          });
  private Dispatcher dispatcher;

  private RunTools(RepositoryRoot root) {
    this.root = root;
  }

  static RunTools of(RepositoryRoot root) {
    return BY_REPOSITORY.computeIfAbsent(root.dir(), d -> new RunTools(root));
  }

  /**
   * The given tools with the run tools after them; {@code messages} tells the session that
   * dispatched a run what it does.
   */
  static List<SyncToolSpecification> plus(
      List<SyncToolSpecification> tools, RepositoryRoot root, RunMessages messages) {
    RunTools runs = of(root);
    List<SyncToolSpecification> all = new ArrayList<>(tools);
    all.add(
        McpTools.tool(
            definition("dispatch", "Dispatch", DISPATCH), call -> runs.dispatch(call, messages)));
    all.add(McpTools.tool(definition("status", "Run status", STATUS), runs::status));
    all.add(McpTools.tool(definition("aggregate", "Run report", AGGREGATE), runs::aggregate));
    return List.copyOf(all);
  }

  /** The given resource templates with {@code bp://runs/{id}} after them. */
  static List<SyncResourceTemplateSpecification> plusTemplates(
      List<SyncResourceTemplateSpecification> templates, RepositoryRoot root) {
    List<SyncResourceTemplateSpecification> all = new ArrayList<>(templates);
    all.add(
        new SyncResourceTemplateSpecification(
            ResourceTemplate.builder()
                .uriTemplate(RUNS + "{id}")
                .name("run")
                .description("a run's status (JSON)")
                .mimeType("application/json")
                .build(),
            of(root)::readRun));
    return List.copyOf(all);
  }

  private static final String DISPATCH =
      "Run a blueprint's tasks in parallel workspaces, landing each through the commit queue."
          + " Answers the run id at once (wait: true holds until the run ends); subscribe to"
          + " its resource or follow with status, then aggregate.";
  private static final String STATUS =
      "A run's state and every task's state, attempts, cost, errors; with task, that task's log"
          + " from log_offset.";
  private static final String AGGREGATE =
      "Report an ended run: every task that did not land with its error, cost per agent, commits;"
          + " writes the session journal.";

  private static Tool definition(String name, String title, String description) {
    return Tool.builder()
        .name(name)
        .title(title)
        .description(description)
        .inputSchema(ToolSchemas.load(name + ".input"))
        .outputSchema(ToolSchemas.load(name + ".output"))
        .build();
  }

  private synchronized Dispatcher dispatcher() {
    if (dispatcher == null) {
      dispatcher =
          Dispatcher.open(
              root.dir(), GitCli.inheritingEnvironment(), QueueOptions.defaults(), clock);
    }
    return dispatcher;
  }

  CallToolResult dispatch(ToolCall call, RunMessages messages) {
    ToolArguments args = call.args();
    boolean wait = args.bool("wait");
    String path = args.string("path");
    String resume = args.string("resume");
    Integer parallel = args.positiveInt("parallel");
    String agent = args.string("agent");
    Set<String> only = args.stringSet("tasks");
    boolean cache = args.bool("cache");
    if (path == null && resume == null) {
      throw ToolReplies.invalidParams("give path, resume, or both");
    }
    if (only != null && resume != null) {
      throw ToolReplies.invalidParams("tasks chooses the tasks of a new run, not of a resumed one");
    }
    Dispatcher d = dispatcher();
    Path file;
    if (path != null) {
      Optional<Path> f = root.resolve(path);
      if (f.isEmpty() || !Files.isRegularFile(f.get())) {
        return ToolReplies.failure("no such blueprint in the repository: " + path);
      }
      file = f.get();
    } else {
      Optional<Run> run = d.store().run(resume);
      if (run.isEmpty()) {
        return ToolReplies.failure("no run " + resume);
      }
      file = Path.of(run.get().blueprintPath());
    }
    Blueprint bp;
    try {
      bp = BlueprintReader.readFile(file);
    } catch (IOException e) {
      return ToolReplies.failure("cannot read " + file.getFileName() + ": " + e.getMessage());
    }
    if (resume == null) {
      List<Diagnostic> blockers = DispatchReadiness.blockers(bp);
      if (!blockers.isEmpty()) {
        // such a blueprint never becomes a run
        StringBuilder why = new StringBuilder("not dispatched: the blueprint has errors");
        blockers.forEach(b -> why.append("\n").append(ValidationText.line(path, b)));
        return ToolReplies.failure(why.toString());
      }
      if (only != null) {
        try {
          TaskSelection.check(bp, only);
        } catch (TaskSelection.Refused e) {
          return ToolReplies.failure("not dispatched: " + e.getMessage());
        }
      }
    }
    Dispatcher.Options o =
        new Dispatcher.Options(parallel, agent, "claude", System.getenv(), Map.of())
            .withCache(cache)
            .withTasks(only);
    if (!wait) {
      call.progress(0, 1, "planning and running preflight checks");
    }
    String runId;
    if (resume != null) {
      runId = resume;
    } else {
      GitCli.Result head =
          GitCli.inheritingEnvironment().run(root.dir(), "symbolic-ref", "--short", "HEAD");
      if (!head.ok()) {
        return ToolReplies.failure("HEAD is detached: check out the branch to land on");
      }
      runId = d.start(bp, head.output().strip(), o);
    }
    if (active.putIfAbsent(runId, Boolean.TRUE) != null) {
      return ToolReplies.failure("run " + runId + " is already going on in this server");
    }
    RunWatcher watcher = RunWatcher.of(root.dir());
    watcher.drive(runId);
    messages.follow(runId, call.exchange() == null ? null : call.exchange().sessionId());
    RunWait waiting = wait ? new RunWait(runId, call, d.store()) : null;
    if (waiting != null) {
      call.progress(0, waiting.total(), "run " + runId + " started");
      waiting.listen(watcher);
    }
    Future<?> engine =
        background.submit(
            () -> {
              try {
                d.run(bp, runId, o);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (RuntimeException e) {
                LOG.warn("run {} stopped", runId, e);
              } finally {
                active.remove(runId);
                watcher.undrive(runId);
              }
            });
    // resources/list shows the new run before this call answers
    watcher.look();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("schema_version", 1);
    out.put("run_id", runId);
    out.put("resource", RUNS + runId);
    if (waiting == null) {
      call.progress(1, 1, "run " + runId + " started");
      return ToolReplies.ok(
          out, "run " + runId + " started; follow with status {run: \"" + runId + "\"}");
    }
    try {
      waiting.await(watcher, engine);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ToolReplies.failure("interrupted while waiting for run " + runId);
    }
    RunStatus st =
        new RunStatusReader(d.store(), clock, root.dir()).status(runId, null, null).orElseThrow();
    out.put("state", st.run().state().wire());
    out.put("counts", asMap(st).get("counts"));
    return ToolReplies.ok(out, summary(st));
  }

  private static String summary(RunStatus st) {
    return "run "
        + st.run().id()
        + " "
        + st.run().state().wire()
        + ": "
        + st.counts().entrySet().stream()
            .map(e -> e.getValue() + " " + e.getKey().wire())
            .reduce((a, b) -> a + ", " + b)
            .orElse("no tasks");
  }

  CallToolResult status(ToolCall call) {
    ToolArguments args = call.args();
    String runId = args.string("run");
    String task = args.string("task");
    Long offset = nonNegativeLong(args, "log_offset");
    Dispatcher d = dispatcher();
    if (runId == null) {
      List<Run> runs = d.store().runs();
      if (runs.isEmpty()) {
        return ToolReplies.failure("no runs in this repository");
      }
      runId = runs.get(0).id();
    }
    Optional<RunStatus> s =
        new RunStatusReader(d.store(), clock, root.dir()).status(runId, task, offset);
    if (s.isEmpty()) {
      return ToolReplies.failure("no run " + runId);
    }
    RunStatus st = s.get();
    return ToolReplies.ok(asMap(st), summary(st));
  }

  CallToolResult aggregate(ToolCall call) {
    String runId = call.args().string("run");
    if (runId == null) {
      throw ToolReplies.invalidParams("argument 'run' is required");
    }
    Dispatcher d = dispatcher();
    Optional<Aggregation> a;
    try {
      a =
          Aggregation.of(
              d.store(),
              GitCli.inheritingEnvironment(),
              root.dir(),
              System.getenv(),
              clock,
              runId,
              // notes go to stderr: stdout is the MCP channel
              new QueuedJournalPublisher(
                  root.dir(), new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      return ToolReplies.failure("could not write the journal: " + e.getMessage());
    }
    if (a.isEmpty()) {
      return ToolReplies.failure("no run " + runId);
    }
    // the journal it wrote is in resources/list before this call answers
    RunWatcher.of(root.dir()).look();
    Map<String, Object> json = asMap(a.get().toJson());
    String text = a.get().toText();
    // a run that was not successful is a problem the caller must see, as the CLI's exit code 1
    return a.get().report().successful()
        ? ToolReplies.ok(json, text)
        : ToolReplies.problem(json, text);
  }

  /** The listed resource of one run, read as {@link #readRun} does. */
  SyncResourceSpecification runResource(String runId) {
    return new SyncResourceSpecification(ResourceCatalog.runResource(runId), this::readRun);
  }

  ReadResourceResult readRun(McpSyncServerExchange exchange, ReadResourceRequest req) {
    String runId = req.uri().substring(RUNS.length());
    Optional<RunStatus> s =
        new RunStatusReader(dispatcher().store(), clock, root.dir()).status(runId, null, null);
    if (s.isEmpty()) {
      throw McpError.RESOURCE_NOT_FOUND.apply(req.uri());
    }
    return new ReadResourceResult(
        List.of(
            new TextResourceContents(req.uri(), "application/json", StatusJson.write(s.get()))));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    return StatusJson.mapper().convertValue(value, Map.class);
  }

  private static Long nonNegativeLong(ToolArguments args, String name) {
    Object v = args.values().get(name);
    if (v == null) {
      return null;
    }
    if (v instanceof Number n
        && n.doubleValue() == Math.rint(n.doubleValue())
        && n.longValue() >= 0) {
      return n.longValue();
    }
    throw ToolReplies.invalidParams("argument '" + name + "' must be a non-negative integer");
  }
}
