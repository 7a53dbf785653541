package dev.blueprint.server.mcp;

import dev.blueprint.tools.status.Event;
import dev.blueprint.tools.status.EventName;
import dev.blueprint.tools.status.StatusJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the runs of one repository through their event files ({@code
 * .blueprint/runs/<run>/events.jsonl}), whoever drives them: this server's engine or another
 * process ({@code bp dispatch} in a shell). One thread per repository, only while something
 * listens; it looks every {@value #BUSY_MILLIS} ms while a run is going on and every {@value
 * #IDLE_MILLIS} ms otherwise (a new run is seen within that, then followed closely). A look costs
 * one directory listing and a size check per run; only new bytes are read.
 */
final class RunWatcher {
  private static final Logger LOG = LoggerFactory.getLogger(RunWatcher.class);
  private static final Map<Path, RunWatcher> BY_REPOSITORY = new ConcurrentHashMap<>();
  static final long BUSY_MILLIS = 250;
  static final long IDLE_MILLIS = 1000;
  private static final int MAX_READ = 4 * 1024 * 1024;
  // A run whose file changed this recently when the server started may still be going on.
  private static final Duration RECENT = Duration.ofMinutes(10);

  /** What the watcher reports; called on its thread, in order. */
  interface Listener {
    /** New events of one run, in the order they were written. */
    default void events(String runId, List<Event> events) {}

    /** After every look; {@code runsChanged} when runs appeared or went since the last. */
    default void looked(boolean runsChanged) {}
  }

  /** How far one run's event file has been read. */
  private static final class Tail {
    long offset;
    boolean active;
    final ByteArrayOutputStream partial = new ByteArrayOutputStream();
  }

  private final Path runsDir;
  private final Map<String, Tail> tails = new HashMap<>();
  private final Set<String> driven = ConcurrentHashMap.newKeySet();
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private ScheduledExecutorService timer;
  private boolean baseline = true;
  private volatile Set<String> runIds = Set.of();

  RunWatcher(Path repository) {
    this.runsDir = repository.resolve(".blueprint").resolve("runs");
  }

  static RunWatcher of(Path repository) {
    return BY_REPOSITORY.computeIfAbsent(repository, RunWatcher::new);
  }

  /**
   * Starts following (the thread starts with the first listener); adding one twice adds it once.
   */
  synchronized void add(Listener listener) {
    if (listeners.contains(listener)) {
      return;
    }
    listeners.add(listener);
    if (timer == null) {
      timer =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "bp-run-watcher");
                t.setDaemon(true);
                return t;
              });
      look();
      schedule(timer);
    }
  }

  /** Stops telling this listener; the thread ends with the last one. */
  synchronized void remove(Listener listener) {
    listeners.remove(listener);
    if (listeners.isEmpty() && timer != null) {
      timer.shutdownNow();
      timer = null;
      // A later start takes a new baseline rather than replaying what happened meanwhile.
      tails.clear();
      runIds = Set.of();
      baseline = true;
    }
  }

  /** Marks a run this process drives, so it is looked at often until {@link #undrive}. */
  void drive(String runId) {
    driven.add(runId);
  }

  void undrive(String runId) {
    driven.remove(runId);
  }

  /**
   * The runs with an event file as of the last look, sorted (ULIDs sort by creation time). Takes no
   * lock, so listeners and other threads may call it freely.
   */
  Set<String> runIds() {
    return runIds;
  }

  /** Schedules the next look on {@code owner}, unless the watcher stopped (or restarted) since. */
  private synchronized void schedule(ScheduledExecutorService owner) {
    if (timer != owner) {
      return;
    }
    boolean busy = !driven.isEmpty() || tails.values().stream().anyMatch(t -> t.active);
    owner.schedule(() -> tick(owner), busy ? BUSY_MILLIS : IDLE_MILLIS, TimeUnit.MILLISECONDS);
  }

  private void tick(ScheduledExecutorService owner) {
    try {
      look();
    } catch (RuntimeException e) {
      LOG.warn("run watcher: {}", e.toString());
    }
    schedule(owner);
  }

  /** Looks now (also between ticks, when a tool knows something changed) and tells listeners. */
  synchronized void look() {
    Map<String, List<Event>> fresh = new HashMap<>();
    boolean changed = false;
    Set<String> present = new TreeSet<>();
    if (Files.isDirectory(runsDir)) {
      try (DirectoryStream<Path> dirs = Files.newDirectoryStream(runsDir)) {
        for (Path dir : dirs) {
          Path file = dir.resolve("events.jsonl");
          if (Files.isRegularFile(file)) {
            present.add(dir.getFileName().toString());
          }
        }
      } catch (IOException e) {
        LOG.debug("cannot list {}: {}", runsDir, e.getMessage());
      }
    }
    changed |= tails.keySet().retainAll(present);
    for (String runId : present) {
      Path file = runsDir.resolve(runId).resolve("events.jsonl");
      Tail tail = tails.get(runId);
      if (tail == null) {
        tail = new Tail();
        tails.put(runId, tail);
        changed = true;
        if (baseline) {
          // Runs older than the server: follow from their end, not from their history.
          tail.offset = size(file);
          tail.active = recentlyModified(file);
          continue;
        }
      }
      List<Event> events = read(file, tail);
      if (!events.isEmpty()) {
        fresh.put(runId, events);
      }
    }
    baseline = false;
    runIds = Collections.unmodifiableSet(present);
    for (Listener l : listeners) {
      fresh.forEach(
          (runId, events) -> {
            try {
              l.events(runId, events);
            } catch (RuntimeException e) {
              LOG.warn("run watcher listener: {}", e.toString());
            }
          });
      try {
        l.looked(changed);
      } catch (RuntimeException e) {
        LOG.warn("run watcher listener: {}", e.toString());
      }
    }
  }

  private static List<Event> read(Path file, Tail tail) {
    long size = size(file);
    if (size < tail.offset) {
      // Replaced or truncated: start over.
      tail.offset = 0;
      tail.partial.reset();
    }
    if (size == tail.offset) {
      return List.of();
    }
    int length = (int) Math.min(MAX_READ, size - tail.offset);
    ByteBuffer buf = ByteBuffer.allocate(length);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      while (buf.hasRemaining() && ch.read(buf, tail.offset + buf.position()) > 0) {
        // keep reading until the slice is full
      }
    } catch (IOException e) {
      return List.of();
    }
    tail.offset += buf.position();
    List<Event> events = new ArrayList<>();
    byte[] bytes = buf.array();
    int start = 0;
    for (int i = 0; i < buf.position(); i++) {
      if (bytes[i] == '\n') {
        tail.partial.write(bytes, start, i - start);
        String line = tail.partial.toString(StandardCharsets.UTF_8);
        tail.partial.reset();
        start = i + 1;
        parse(line, tail, events);
      }
    }
    // A line still being written: kept until its newline arrives.
    tail.partial.write(bytes, start, buf.position() - start);
    return events;
  }

  private static void parse(String line, Tail tail, List<Event> events) {
    if (line.isBlank()) {
      return;
    }
    try {
      Event e = StatusJson.read(line, Event.class);
      tail.active =
          e.event() != EventName.BLUEPRINT_COMPLETE && e.event() != EventName.BLUEPRINT_FAILED;
      events.add(e);
    } catch (IllegalArgumentException e) {
      LOG.debug("skipping an unreadable event line: {}", e.getMessage());
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  private static boolean recentlyModified(Path file) {
    try {
      Instant modified = Files.getLastModifiedTime(file).toInstant();
      return modified.isAfter(Instant.now().minus(RECENT));
    } catch (IOException e) {
      return false;
    }
  }
}
