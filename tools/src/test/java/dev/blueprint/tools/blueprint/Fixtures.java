package dev.blueprint.tools.blueprint;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The real blueprints under test resources (copied from the shared fixtures). */
public final class Fixtures {
  public static final List<String> ALL =
      List.of(
          "OUTPOST_DISPATCH_NAMESPACE_FIX.bp.md",
          "OUTPOST_V2_STATUS_CALLBACK.bp.yaml",
          "example_blueprint.md",
          "MASTER_ROADMAP.md",
          "valid_blueprint.json");

  private Fixtures() {}

  public static String text(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/blueprints/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Blueprint read(String name) {
    return BlueprintReader.readString(text(name), name);
  }

  /** The 1-based line of the first line of {@code text} that contains {@code needle}. */
  public static int lineOf(String text, String needle) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(needle)) {
        return i + 1;
      }
    }
    throw new IllegalArgumentException("not found: " + needle);
  }
}
