package dev.blueprint.journal.workrate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which session each commit belongs to, in this order: its {@code Session-Id} trailer
 * (survives rebases), else a journal whose {@code start_commit..end_commit} range holds it, else
 * its {@code Blueprint-Run} trailer (the journal naming that run, or the run itself as a session).
 * A commit belongs to at most one session.
 */
final class SessionAttribution {
  private static final Logger LOG = LoggerFactory.getLogger(SessionAttribution.class);

  /** A session with the indexes (into the history) of its commits. */
  record Attributed(SessionInfo info, List<Integer> commits) {}

  private SessionAttribution() {}

  static List<Attributed> attribute(Repository repo, LineHistory h, List<SessionInfo> journals)
      throws IOException {
    Map<String, SessionInfo> byId = new LinkedHashMap<>();
    Map<String, String> sessionByRun = new HashMap<>();
    for (SessionInfo s : journals) {
      byId.putIfAbsent(s.id(), s);
      s.runId().ifPresent(run -> sessionByRun.putIfAbsent(run, s.id()));
    }
    String[] owner = new String[h.commits.size()];
    for (int i = 0; i < owner.length; i++) {
      owner[i] = h.commits.get(i).sessionId().orElse(null);
    }
    for (SessionInfo s : byId.values()) {
      for (int i : range(repo, h, s)) {
        if (owner[i] == null) {
          owner[i] = s.id();
        }
      }
    }
    for (int i = 0; i < owner.length; i++) {
      Optional<String> run = h.commits.get(i).runId();
      if (owner[i] == null && run.isPresent()) {
        owner[i] = sessionByRun.getOrDefault(run.get(), run.get());
      }
    }
    Map<String, List<Integer>> commits = new LinkedHashMap<>();
    for (String id : byId.keySet()) {
      commits.put(id, new ArrayList<>());
    }
    for (int i = 0; i < owner.length; i++) {
      if (owner[i] != null) {
        commits.computeIfAbsent(owner[i], k -> new ArrayList<>()).add(i);
      }
    }
    List<Attributed> out = new ArrayList<>();
    commits.forEach(
        (id, list) -> out.add(new Attributed(byId.getOrDefault(id, SessionInfo.ofId(id)), list)));
    return out;
  }

  /** Indexes of the commits in {@code start_commit..end_commit}, if the journal names both. */
  private static List<Integer> range(Repository repo, LineHistory h, SessionInfo s)
      throws IOException {
    // Both ends are needed: an open range would hand the whole history to one session.
    if (s.endCommit().isEmpty() || s.startCommit().isEmpty()) {
      return List.of();
    }
    ObjectId end = repo.resolve(s.endCommit().get() + "^{commit}");
    ObjectId start = repo.resolve(s.startCommit().get() + "^{commit}");
    if (end == null || start == null) {
      LOG.warn("session {}: commit range not found in this repository, ignored", s.id());
      return List.of();
    }
    List<Integer> out = new ArrayList<>();
    try (RevWalk walk = new RevWalk(repo)) {
      walk.markStart(walk.parseCommit(end));
      walk.markUninteresting(walk.parseCommit(start));
      for (RevCommit c : walk) {
        Integer index = h.indexBySha.get(c.name());
        if (index != null) {
          out.add(index);
        }
      }
    }
    return out;
  }
}
