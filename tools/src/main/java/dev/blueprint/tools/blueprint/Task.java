package dev.blueprint.tools.blueprint;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One task as read, leniently: typed views of the fields the tools use, plus the whole mapping as
 * written ({@code raw}) and the line of every field ({@code fieldLines}, keyed by JSON pointer such
 * as {@code /verification/smoke/command}) so the validator can point at any of them.
 *
 * <p>Lists are never null; absent scalars are null. Durations are kept as written: see {@link
 * Durations}.
 *
 * @param line the line of the task's {@code task_id} key
 * @param tier the tier the task sits in, or null
 * @param outputPorts the ports its {@code output.ports} declares
 * @param timeout {@code resources.timeout}, else {@code execution_context.timeout}, as written
 * @param agent the agent family named by the task's {@code agent} field, or null
 * @param command the task's {@code command} field (a string becomes one element), empty if absent
 */
public record Task(
    String id,
    int line,
    Tier tier,
    String name,
    TaskStatus status,
    List<Dependency> dependencies,
    List<Binding> bindings,
    Set<String> outputPorts,
    String interfaceInput,
    String interfaceOutput,
    List<String> acceptanceCriteria,
    List<VerificationStep> verification,
    String testCommand,
    String rollback,
    List<LockUse> locks,
    String parallelGroup,
    Double estimatedSessions,
    String timeout,
    OnFailure onFailure,
    HumanGate humanRequired,
    String agent,
    List<String> command,
    List<String> filesToCreate,
    List<String> filesToModify,
    List<String> requiredCapabilities,
    String description,
    ObjectNode raw,
    Map<String, Integer> fieldLines) {

  public Task {
    dependencies = List.copyOf(dependencies);
    bindings = List.copyOf(bindings);
    outputPorts = Set.copyOf(outputPorts);
    acceptanceCriteria = List.copyOf(acceptanceCriteria);
    verification = List.copyOf(verification);
    locks = List.copyOf(locks);
    command = List.copyOf(command);
    filesToCreate = List.copyOf(filesToCreate);
    filesToModify = List.copyOf(filesToModify);
    requiredCapabilities = List.copyOf(requiredCapabilities);
    fieldLines = FieldLines.copyOf(fieldLines);
  }

  /**
   * Every task this one waits for: its declared dependencies and its bindings' sources, in order,
   * without repeats.
   */
  public Set<String> prerequisites() {
    // A task has a few of these and every graph pass asks for them: an array with a linear
    // duplicate check instead of a LinkedHashSet (a table and an entry per id) on every call.
    String[] ids = new String[dependencies.size() + bindings.size()];
    int n = 0;
    for (Dependency d : dependencies) {
      n = addNew(ids, n, d.taskId());
    }
    for (Binding b : bindings) {
      if (b.source() != null) {
        n = addNew(ids, n, b.source());
      }
    }
    return new OrderedIds(ids, n);
  }

  private static int addNew(String[] ids, int n, String id) {
    for (int i = 0; i < n; i++) {
      if (java.util.Objects.equals(ids[i], id)) {
        return n;
      }
    }
    ids[n] = id;
    return n + 1;
  }

  /** The line of a field given as a JSON pointer, falling back to the task's own line. */
  public int lineOf(String pointer) {
    return fieldLines instanceof FieldLines f
        ? f.lineOf(pointer, line)
        : fieldLines.getOrDefault(pointer, line);
  }

  /**
   * This task without its {@code human_required} gate: what the planner sees once a person approved
   * it. The task itself when it has no gate.
   */
  public Task withoutHumanGate() {
    if (humanRequired == null) {
      return this;
    }
    return new Task(
        id,
        line,
        tier,
        name,
        status,
        dependencies,
        bindings,
        outputPorts,
        interfaceInput,
        interfaceOutput,
        acceptanceCriteria,
        verification,
        testCommand,
        rollback,
        locks,
        parallelGroup,
        estimatedSessions,
        timeout,
        onFailure,
        null,
        agent,
        command,
        filesToCreate,
        filesToModify,
        requiredCapabilities,
        description,
        raw,
        fieldLines);
  }

  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** Builds tasks in code (tests, generated blueprints); the reader fills the same fields. */
  public static final class Builder {
    private final String id;
    private int line;
    private Tier tier;
    private String name;
    private TaskStatus status = TaskStatus.notStarted();
    private final List<Dependency> dependencies = new ArrayList<>();
    private final List<Binding> bindings = new ArrayList<>();
    private final Set<String> outputPorts = new LinkedHashSet<>();
    private String interfaceInput;
    private String interfaceOutput;
    private final List<String> acceptanceCriteria = new ArrayList<>();
    private final List<VerificationStep> verification = new ArrayList<>();
    private String testCommand;
    private String rollback;
    private final List<LockUse> locks = new ArrayList<>();
    private String parallelGroup;
    private Double estimatedSessions;
    private String timeout;
    private OnFailure onFailure = OnFailure.DEFAULT;
    private HumanGate humanRequired;
    private String agent;
    private final List<String> command = new ArrayList<>();
    private final List<String> filesToCreate = new ArrayList<>();
    private final List<String> filesToModify = new ArrayList<>();
    private final List<String> requiredCapabilities = new ArrayList<>();
    private String description;
    private ObjectNode raw = JsonNodeFactory.instance.objectNode();
    private Map<String, Integer> fieldLines = new LinkedHashMap<>();
    private boolean ownLines = true;

    private Builder(String id) {
      this.id = id;
      this.name = id;
    }

    public Builder line(int v) {
      line = v;
      return this;
    }

    public Builder tier(Tier v) {
      tier = v;
      return this;
    }

    public Builder name(String v) {
      name = v;
      return this;
    }

    public Builder status(TaskStatus v) {
      status = v;
      return this;
    }

    public Builder status(Status v) {
      status = new TaskStatus(v, v.wire());
      return this;
    }

    public Builder dependsOn(String... ids) {
      for (String d : ids) {
        dependencies.add(Dependency.on(d, line));
      }
      return this;
    }

    public Builder dependency(Dependency v) {
      dependencies.add(v);
      return this;
    }

    public Builder binding(Binding v) {
      bindings.add(v);
      return this;
    }

    public Builder outputPort(String v) {
      outputPorts.add(v);
      return this;
    }

    public Builder interfaceInput(String v) {
      interfaceInput = v;
      return this;
    }

    public Builder interfaceOutput(String v) {
      interfaceOutput = v;
      return this;
    }

    public Builder acceptanceCriterion(String v) {
      acceptanceCriteria.add(v);
      return this;
    }

    public Builder verification(VerificationStep v) {
      verification.add(v);
      return this;
    }

    public Builder testCommand(String v) {
      testCommand = v;
      return this;
    }

    public Builder rollback(String v) {
      rollback = v;
      return this;
    }

    public Builder lock(String lockName, LockMode mode) {
      locks.add(new LockUse(lockName, mode, line));
      return this;
    }

    /** Adds a lock use with its own source line. */
    public Builder lock(LockUse v) {
      locks.add(v);
      return this;
    }

    public Builder parallelGroup(String v) {
      parallelGroup = v;
      return this;
    }

    public Builder estimatedSessions(Double v) {
      estimatedSessions = v;
      return this;
    }

    public Builder timeout(String v) {
      timeout = v;
      return this;
    }

    public Builder onFailure(OnFailure v) {
      onFailure = v;
      return this;
    }

    public Builder humanRequired(HumanGate v) {
      humanRequired = v;
      return this;
    }

    public Builder agent(String v) {
      agent = v;
      return this;
    }

    public Builder command(String... v) {
      command.addAll(List.of(v));
      return this;
    }

    public Builder fileToCreate(String v) {
      filesToCreate.add(v);
      return this;
    }

    public Builder fileToModify(String v) {
      filesToModify.add(v);
      return this;
    }

    public Builder requiredCapability(String v) {
      requiredCapabilities.add(v);
      return this;
    }

    public Builder description(String v) {
      description = v;
      return this;
    }

    public Builder raw(ObjectNode v) {
      raw = v;
      return this;
    }

    public Builder fieldLine(String pointer, int v) {
      if (!ownLines) {
        fieldLines = new LinkedHashMap<>(fieldLines);
        ownLines = true;
      }
      fieldLines.put(pointer, v);
      return this;
    }

    /** Every line of {@code lines} at once (the reader's path: no per-field copy). */
    Builder fieldLines(Map<String, Integer> lines) {
      if (fieldLines.isEmpty()) {
        fieldLines = lines; // copied by the record; never written through (see fieldLine)
        ownLines = false;
      } else {
        fieldLines.putAll(lines);
      }
      return this;
    }

    public Task build() {
      return new Task(
          id,
          line,
          tier,
          name,
          status,
          dependencies,
          bindings,
          outputPorts,
          interfaceInput,
          interfaceOutput,
          acceptanceCriteria,
          verification,
          testCommand,
          rollback,
          locks,
          parallelGroup,
          estimatedSessions,
          timeout,
          onFailure,
          humanRequired,
          agent,
          command,
          filesToCreate,
          filesToModify,
          requiredCapabilities,
          description,
          raw,
          fieldLines);
    }
  }
}
