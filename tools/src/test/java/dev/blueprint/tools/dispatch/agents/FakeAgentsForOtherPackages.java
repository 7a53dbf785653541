package dev.blueprint.tools.dispatch.agents;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Lets tests outside this package install the fake agent CLIs. */
public final class FakeAgentsForOtherPackages {
  private FakeAgentsForOtherPackages() {}

  public static Map<String, String> installInto(Path bin) throws IOException {
    return FakeAgents.installInto(bin);
  }
}
