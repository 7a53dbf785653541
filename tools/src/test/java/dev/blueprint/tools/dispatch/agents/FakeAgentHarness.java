package dev.blueprint.tools.dispatch.agents;

import dev.blueprint.tools.dispatch.process.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A workspace, log folder and installed fake CLIs for one test, and a way to run an adapter. */
final class FakeAgentHarness {
  static final Instant NOW = Instant.parse("2026-11-21T15:00:00Z");

  final Path workspace;
  final Path logs;
  final Path records;
  final AgentCatalog catalog;
  final AgentRunner runner = new AgentRunner(new ProcessRunner(), Clock.fixed(NOW, ZoneOffset.UTC));

  FakeAgentHarness(Path root) throws IOException {
    workspace = Files.createDirectories(root.resolve("workspace"));
    logs = root.resolve("logs");
    records = Files.createDirectories(root.resolve("records"));
    catalog = AgentCatalog.standard(FakeAgents.installInto(root.resolve("bin")));
  }

  /** Environment that makes the fake record its argv and stdin and act in the given mode. */
  Map<String, String> env(String mode) {
    Map<String, String> env = new HashMap<>();
    env.put("FAKE_MODE", mode);
    env.put("FAKE_ARGV_OUT", records.resolve("argv").toString());
    env.put("FAKE_STDIN_OUT", records.resolve("stdin").toString());
    env.put("FAKE_EDIT", "hello.txt");
    env.put("FAKE_PID_OUT", records.resolve("grandchild.pid").toString());
    return env;
  }

  AgentRequest request(String prompt, String model, Duration timeout, Map<String, String> env) {
    return new AgentRequest(
        "T1", prompt, workspace, model, timeout, List.of(), null, List.of("hello.txt"), env);
  }

  AgentRun run(String agent, AgentRequest request) {
    return runner.run(catalog.find(agent).orElseThrow(), request, logs, "T1-1");
  }

  /** The argv the fake received, split at the NULs it wrote. */
  List<String> recordedArgv() throws IOException {
    String raw = Files.readString(records.resolve("argv"));
    List<String> parts = new ArrayList<>(Arrays.asList(raw.split("\0", -1)));
    parts.remove(parts.size() - 1);
    return parts;
  }

  byte[] recordedStdin() throws IOException {
    return Files.readAllBytes(records.resolve("stdin"));
  }

  boolean grandchildAlive() throws IOException {
    long pid = Long.parseLong(Files.readString(records.resolve("grandchild.pid")).trim());
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }
}
