package dev.blueprint.server.mcp;

import dev.blueprint.tools.status.Event;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.ResourcesUpdatedNotification;
import java.util.ArrayList;
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
 * bp://runs/<id>}, which the SDK sends only to the sessions subscribed to that URI.
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
    if (blueprints == null || now - blueprintsScannedAt >= BLUEPRINT_RESCAN_MILLIS) {
      blueprints = files.blueprints();
      blueprintsScannedAt = now;
    }
    List<SyncResourceSpecification> all = new ArrayList<>(blueprints);
    all.addAll(files.sessions());
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
    ResourcesUpdatedNotification n = new ResourcesUpdatedNotification(RunTools.RUNS + runId);
    for (McpSyncServer server : listedBy.keySet()) {
      try {
        server.notifyResourcesUpdated(n);
      } catch (RuntimeException ex) {
        LOG.debug("resources/updated for {} failed: {}", runId, ex.toString());
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
