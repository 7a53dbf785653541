package dev.blueprint.tools.dispatch.agents;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Installs the fake agent CLIs (test resources under {@code fake-agents/}) into a folder as
 * executables, for tests that cannot run the real LLM CLIs.
 */
final class FakeAgents {
  static final List<String> NAMES = List.of("claude", "codex", "gemini", "aider", "grok");

  private FakeAgents() {}

  /** Returns the path of each installed fake, by agent name. */
  static Map<String, String> installInto(Path bin) throws IOException {
    Files.createDirectories(bin);
    copy("fake-common.sh", bin);
    Map<String, String> paths = new LinkedHashMap<>();
    for (String name : NAMES) {
      Path p = copy(name, bin);
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
      paths.put(name, p.toString());
    }
    return paths;
  }

  private static Path copy(String name, Path bin) throws IOException {
    Path target = bin.resolve(name);
    try (InputStream in = FakeAgents.class.getResourceAsStream("/fake-agents/" + name)) {
      if (in == null) {
        throw new IOException("missing test resource fake-agents/" + name);
      }
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return target;
  }
}
