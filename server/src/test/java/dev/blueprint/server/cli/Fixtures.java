package dev.blueprint.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Copies the blueprint fixtures from test resources into a test's own folder. */
final class Fixtures {
  private Fixtures() {}

  static Path copy(String name, Path dir) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/blueprints/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      Path target = dir.resolve(name);
      Files.copy(in, target);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A small markdown blueprint with a cycle (T2, T3) and a dependency on a task that is not there.
   */
  static Path broken(Path dir) throws IOException {
    String text =
        """
        # Broken — Blueprint

        ## Tier 0: Start

        ### T1: First

        ```yaml
        task_id: T1
        name: "First"
        status: not_started
        dependencies: []
        interface: {input: "none", output: "a"}
        acceptance_criteria: ["a exists"]
        test_command: "test -f a"
        rollback: "rm a"
        ```

        ### T2: Second

        ```yaml
        task_id: T2
        name: "Second"
        status: not_started
        dependencies: [T1, T3]
        interface: {input: "a", output: "b"}
        acceptance_criteria: ["b exists"]
        test_command: "test -f b"
        rollback: "rm b"
        ```

        ### T3: Third

        ```yaml
        task_id: T3
        name: "Third"
        status: not_started
        dependencies: [T2]
        interface: {input: "b", output: "c"}
        acceptance_criteria: ["c exists"]
        test_command: "test -f c"
        rollback: "rm c"
        ```

        ### T4: Fourth

        ```yaml
        task_id: T4
        name: "Fourth"
        status: not_started
        dependencies: [T9]
        interface: {input: "x", output: "d"}
        acceptance_criteria: ["d exists"]
        test_command: "test -f d"
        rollback: "rm d"
        ```
        """;
    Path file = dir.resolve("broken.bp.md");
    Files.writeString(file, text);
    return file;
  }
}
