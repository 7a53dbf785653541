package dev.blueprint.tools.dispatch.preflight;

import dev.blueprint.tools.dispatch.process.ProcessResult;
import dev.blueprint.tools.dispatch.process.ProcessRunner;
import dev.blueprint.tools.dispatch.process.ProcessSpec;
import dev.blueprint.tools.status.BsfError;
import dev.blueprint.tools.status.ErrorCode;
import dev.blueprint.tools.status.Phase;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.semver4j.Semver;

/**
 * Checks a task's {@code required_capabilities} before any agent starts: finds each tool on PATH,
 * asks it {@code --version}, and compares with semver4j. Every unmet requirement of a task is named
 * in one E_CAPABILITY_MISSING error. Results are cached per requirement for the checker's life (one
 * run).
 */
public final class CapabilityChecker {
  private static final Pattern VERSION = Pattern.compile("(\\d+(?:\\.\\d+)+|\\d+)");
  private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(15);

  private final List<Path> path;
  private final ProcessRunner runner;
  private final Path scratch;
  private final Clock clock;
  private final Map<String, Optional<String>> problems = new ConcurrentHashMap<>();

  /**
   * @param pathVariable the PATH to search (the process's own, or one given by a test)
   * @param scratch a folder for the version commands' output
   */
  public CapabilityChecker(String pathVariable, ProcessRunner runner, Path scratch, Clock clock) {
    this.path =
        pathVariable == null
            ? List.of()
            : Arrays.stream(pathVariable.split(File.pathSeparator))
                .filter(s -> !s.isBlank())
                .map(Path::of)
                .toList();
    this.runner = runner;
    this.scratch = scratch;
    this.clock = clock;
  }

  /** The error that stops the task, or empty when every requirement is met. */
  public Optional<BsfError> check(String taskId, List<String> requirements) {
    List<String> unmet = new ArrayList<>();
    for (String r : requirements) {
      problems.computeIfAbsent(r, this::problemWith).ifPresent(unmet::add);
    }
    if (unmet.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        BsfError.of(
            ErrorCode.E_CAPABILITY_MISSING,
            "missing capabilities: " + String.join("; ", unmet),
            taskId,
            Phase.PREFLIGHT,
            clock.instant()));
  }

  private Optional<String> problemWith(String text) {
    Optional<CapabilityRequirement> parsed = CapabilityRequirement.parse(text);
    if (parsed.isEmpty()) {
      return Optional.of(text + " is not a capability form blueprint knows");
    }
    CapabilityRequirement req = parsed.get();
    Optional<Path> exe =
        req.executables().stream().map(this::onPath).flatMap(Optional::stream).findFirst();
    if (exe.isEmpty()) {
      return Optional.of(text + ": " + req.tool() + " not found on PATH");
    }
    if (req.version() == null) {
      return Optional.empty();
    }
    Optional<String> found = versionOf(exe.get());
    if (found.isEmpty()) {
      return Optional.of(text + ": " + exe.get() + " --version printed no version");
    }
    Semver have = Semver.coerce(found.get());
    if (have == null || !have.satisfies(req.range())) {
      return Optional.of(text + ": found " + req.tool() + " " + found.get() + " at " + exe.get());
    }
    return Optional.empty();
  }

  private Optional<Path> onPath(String name) {
    for (Path dir : path) {
      Path p = dir.resolve(name);
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private Optional<String> versionOf(Path exe) {
    try {
      Files.createDirectories(scratch);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + scratch, e);
    }
    String name = "version-" + exe.getFileName() + "-" + Thread.currentThread().getId();
    ProcessResult r =
        runner.run(
            ProcessSpec.of(
                List.of(exe.toString(), "--version"), scratch, VERSION_TIMEOUT, scratch, name));
    if (!(r instanceof ProcessResult.Exited e)) {
      return Optional.empty();
    }
    // Some tools print their version on stderr.
    for (String out : List.of(e.output().stdoutTail(), e.output().stderrTail())) {
      Matcher m = VERSION.matcher(out.lines().findFirst().orElse(""));
      if (m.find()) {
        return Optional.of(m.group(1));
      }
    }
    return Optional.empty();
  }
}
