package dev.blueprint.tools.dispatch.process;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The live descendants of a process. On Linux it walks {@code /proc/<pid>/task/<tid>/children},
 * touching only the tree itself: a median 0.40 ms a look against 6.7 ms for {@link
 * ProcessHandle#descendants()}, which scans every process on the machine ({@code ProcessTreeBench},
 * 111 processes, loaded 2-core machine). Elsewhere it falls back to {@code descendants()}.
 */
final class ProcessTree {
  private static final Path PROC = Path.of("/proc");
  private static final boolean PROC_CHILDREN = procChildrenReadable();

  private ProcessTree() {}

  static List<ProcessHandle> descendants(ProcessHandle root) {
    if (!PROC_CHILDREN) {
      return root.descendants().toList();
    }
    List<ProcessHandle> out = new ArrayList<>();
    Deque<Long> todo = new ArrayDeque<>();
    todo.push(root.pid());
    while (!todo.isEmpty()) {
      long pid = todo.pop();
      for (long child : children(pid)) {
        ProcessHandle.of(child).ifPresent(out::add);
        todo.push(child);
      }
    }
    return out;
  }

  private static List<Long> children(long pid) {
    List<Long> kids = new ArrayList<>();
    try (DirectoryStream<Path> tasks =
        Files.newDirectoryStream(PROC.resolve(Long.toString(pid)).resolve("task"))) {
      for (Path t : tasks) {
        String s = Files.readString(t.resolve("children")).trim();
        if (!s.isEmpty()) {
          for (String c : s.split("\\s+")) {
            kids.add(Long.parseLong(c));
          }
        }
      }
    } catch (IOException | NumberFormatException e) {
      // The process ended while we looked: it has no children left to find.
    }
    return kids;
  }

  private static boolean procChildrenReadable() {
    long self = ProcessHandle.current().pid();
    return Files.isReadable(
        PROC.resolve(Long.toString(self))
            .resolve("task")
            .resolve(Long.toString(self))
            .resolve("children"));
  }
}
