package dev.blueprint.server.mcp;

import dev.blueprint.tools.status.Event;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.ResourcesUpdatedNotification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code resources/list} current and tells clients about changes: blueprints, journals and
 * runs as they are now. The SDK answers {@code resources/list} from the resources it was given, so
 * this class adds and removes them as the repository changes (the SDK then sends {@code
 * notifications/resources/list_changed}); runs and journals are checked on every look of the {@link
 * RunWatcher}, blueprints (a walk of the repository) every {@value #BLUEPRINT_RESCAN_MILLIS} ms,
 * and a tool that creates a run or a journal refreshes the list before it answers.
 *
 * <p>Each new event of a run becomes {@code notifications/resources/updated} for {@code
 * bp://runs/<id>}, and a listed blueprint or journal whose size or modification time changed (seen
 * at the blueprint rescan) one for its URI; the SDK sends them only to the sessions subscribed to
 * that URI.
 */
final class ResourceCatalog implements RunWatcher.Listener {
  private static final Logger LOG = LoggerFactory.getLogger(ResourceCatalog.class);
  static final long BLUEPRINT_RESCAN_MILLIS = 5000;

  private final RepositoryResources files;
  private final RunWatcher watcher;
  private final Function<String, SyncResourceSpecification> runResource;
  private final Map<McpSyncServer, Set<String>> listedBy = new ConcurrentHashMap<>();
  private List<SyncResourceSpecification> blueprints;
  private long blueprintsScannedAt;
  // size and modification time of each listed file, to tell subscribers when one changes
  private final Map<String, String> stamps = new HashMap<>();

  ResourceCatalog(
      RepositoryResources files,
      RunWatcher watcher,
      Function<String, SyncResourceSpecification> runResource) {
    this.files = files;
    this.watcher = watcher;
    this.runResource = runResource;
  }

  /** The resources as they are now. */
  synchronized List<SyncResourceSpecification> current() {
    long now = System.currentTimeMillis();
    boolean rescan = blueprints == null || now - blueprintsScannedAt >= BLUEPRINT_RESCAN_MILLIS;
    if (rescan) {
      blueprints = files.blueprints();
      blueprintsScannedAt = now;
    }
    List<SyncResourceSpecification> all = new ArrayList<>(blueprints);
    all.addAll(files.sessions());
    if (rescan) {
      notifyChangedFiles(all);
    }
    // newest run first, as status lists them
    List<String> runs = new ArrayList<>(watcher.runIds());
    for (int i = runs.size() - 1; i >= 0; i--) {
      all.add(runResource.apply(runs.get(i)));
    }
    return all;
  }

  /** Starts keeping {@code server}'s list, which it was built with as {@code listed}. */
  void attach(McpSyncServer server, List<SyncResourceSpecification> listed) {
    Set<String> uris = new HashSet<>();
    listed.forEach(s -> uris.add(s.resource().uri()));
    listedBy.put(server, uris);
    watcher.add(this);
    // through the watcher, which takes its lock before this class's (never the other way round)
    watcher.look();
  }

  void detach(McpSyncServer server) {
    listedBy.remove(server);
    if (listedBy.isEmpty()) {
      watcher.remove(this);
    }
  }

  /** Brings every server's list up to date now. */
  synchronized void refresh() {
    Map<String, SyncResourceSpecification> now = new LinkedHashMap<>();
    current().forEach(s -> now.put(s.resource().uri(), s));
    for (Map.Entry<McpSyncServer, Set<String>> e : listedBy.entrySet()) {
      McpSyncServer server = e.getKey();
      Set<String> listed = e.getValue();
      try {
        for (String gone : new ArrayList<>(listed)) {
          if (!now.containsKey(gone)) {
            server.removeResource(gone);
            listed.remove(gone);
          }
        }
        for (Map.Entry<String, SyncResourceSpecification> r : now.entrySet()) {
          if (!listed.contains(r.getKey())) {
            server.addResource(r.getValue());
            listed.add(r.getKey());
          }
        }
      } catch (RuntimeException ex) {
        LOG.debug("resource list update failed: {}", ex.toString());
      }
    }
  }

  @Override
  public void events(String runId, List<Event> events) {
    updated(RunTools.RUNS + runId);
  }

  /** Sends resources/updated (to the subscribers of that URI only) for every file that changed. */
  private void notifyChangedFiles(List<SyncResourceSpecification> listed) {
    Map<String, String> now = new HashMap<>();
    for (SyncResourceSpecification spec : listed) {
      String uri = spec.resource().uri();
      files.fileOf(uri).map(ResourceCatalog::stamp).ifPresent(st -> now.put(uri, st));
    }
    now.forEach(
        (uri, st) -> {
          String before = stamps.get(uri);
          if (before != null && !before.equals(st)) {
            updated(uri);
          }
        });
    stamps.clear();
    stamps.putAll(now);
  }

  private static String stamp(Path file) {
    try {
      return Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      return "gone";
    }
  }

  private void updated(String uri) {
    ResourcesUpdatedNotification n = new ResourcesUpdatedNotification(uri);
    for (McpSyncServer server : listedBy.keySet()) {
      try {
        server.notifyResourcesUpdated(n);
      } catch (RuntimeException ex) {
        LOG.debug("resources/updated for {} failed: {}", uri, ex.toString());
      }
    }
  }

  @Override
  public void looked(boolean runsChanged) {
    refresh();
  }

  /** The listed resource of one run. */
  static Resource runResource(String runId) {
    return Resource.builder()
        .uri(RunTools.RUNS + runId)
        .name("runs/" + runId)
        .description("run status (JSON)")
        .mimeType("application/json")
        .build();
  }
}
