package dev.blueprint.tools.dispatch.agents;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The agents a run can use, by family name. */
public final class AgentCatalog {
  private final Map<String, AgentAdapter> adapters = new LinkedHashMap<>();

  private AgentCatalog() {}

  /**
   * The six built-in adapters, each starting the CLI of its name found on PATH, unless {@code
   * executables} names another path for it (tests point them at fakes).
   */
  public static AgentCatalog standard(Map<String, String> executables) {
    AgentCatalog c = new AgentCatalog();
    c.add(new ClaudeAdapter(executables.getOrDefault("claude", "claude")));
    c.add(new CodexAdapter(executables.getOrDefault("codex", "codex")));
    c.add(new GeminiAdapter(executables.getOrDefault("gemini", "gemini")));
    c.add(new AiderAdapter(executables.getOrDefault("aider", "aider")));
    c.add(new GrokAdapter(executables.getOrDefault("grok", "grok")));
    c.add(new CommandAdapter());
    return c;
  }

  public AgentCatalog add(AgentAdapter adapter) {
    adapters.put(adapter.name(), adapter);
    return this;
  }

  public Optional<AgentAdapter> find(String name) {
    return Optional.ofNullable(adapters.get(name));
  }

  public Set<String> names() {
    return adapters.keySet();
  }
}
