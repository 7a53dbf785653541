package dev.blueprint.journal.git.jgit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.errors.LockFailedException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the main checkout's index and files up to a new tip of its branch, for the paths the
 * landed commits touched only, and only where nobody has edited them: a file whose content is
 * neither the old nor the new version is someone's uncommitted work and is never overwritten.
 */
final class CheckoutSync {
  private static final Logger LOG = LoggerFactory.getLogger(CheckoutSync.class);

  /** Paths brought up to date, and paths left alone because they held someone's edits. */
  record Report(List<String> updated, List<String> keptLocalEdits, boolean indexLocked) {}

  private static final String SYNCED = "checkout_synced";
  private static final String SYNCING = "checkout_syncing_since";

  private final Repository repo;
  private final QueueStore state;

  /**
   * @param state keeps the last synced tip and an in-progress marker, so a writer killed mid-sync
   *     is finished by the next (kept in the database: a file rename per landing is slow here)
   */
  CheckoutSync(Repository repo, QueueStore state) {
    this.repo = repo;
    this.state = state;
  }

  /**
   * The tip the checkout was last brought to, when it is still an ancestor of (or equal to) the
   * branch; otherwise {@code fallback}.
   */
  ObjectId lastSynced(ObjectId fallback) {
    try {
      String synced = state.meta(SYNCED);
      if (synced == null || fallback == null) {
        return fallback;
      }
      ObjectId id = ObjectId.fromString(synced);
      if (id.equals(fallback)) {
        return fallback;
      }
      try (RevWalk rw = new RevWalk(repo)) {
        return rw.isMergedInto(rw.parseCommit(id), rw.parseCommit(fallback)) ? id : fallback;
      }
    } catch (IOException | RuntimeException e) {
      return fallback;
    }
  }

  /**
   * Called by the writer before syncing: if the previous writer died while holding the index lock
   * (its marker is still there), the lock it left is removed. Only a lock taken after the marker
   * and within seconds of it is treated as the dead writer's.
   */
  void clearLockLeftByCrash() {
    try {
      String since = state.meta(SYNCING);
      if (since == null) {
        return;
      }
      Path indexLock = repo.getDirectory().toPath().resolve("index.lock");
      if (Files.exists(indexLock)) {
        long marker = Long.parseLong(since);
        long lock = Files.getLastModifiedTime(indexLock).toMillis();
        if (lock >= marker - 1000 && lock <= marker + 10_000) {
          Files.deleteIfExists(indexLock);
          LOG.warn(
              "removed {} left by a writer that was killed while updating the checkout", indexLock);
        }
      }
      state.meta(SYNCING, null);
    } catch (IOException | NumberFormatException e) {
      LOG.warn("cannot clear the crashed writer's index lock: {}", e.getMessage());
    }
  }

  /** Records {@code tip} as the checkout's state if nothing is recorded yet. */
  void initialiseIfAbsent(ObjectId tip) {
    if (tip != null && state.meta(SYNCED) == null) {
      recordSynced(tip);
    }
  }

  private void recordSynced(ObjectId tip) {
    state.meta(SYNCED, tip.name());
  }

  Report sync(ObjectId oldTip, ObjectId newTip) throws IOException {
    List<String> updated = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    if (repo.isBare() || newTip == null) {
      return new Report(updated, kept, false);
    }
    if (newTip.equals(oldTip)) {
      if (state.meta(SYNCED) == null) {
        recordSynced(newTip);
      }
      return new Report(updated, kept, false);
    }
    state.meta(SYNCING, Long.toString(System.currentTimeMillis()));
    DirCache dc = lockIndex();
    if (dc == null) {
      state.meta(SYNCING, null);
      LOG.warn("index is locked by another git process; the checkout was not refreshed");
      return new Report(updated, kept, true);
    }
    try (ObjectReader reader = repo.newObjectReader();
        RevWalk rw = new RevWalk(reader);
        ObjectInserter.Formatter hasher = new ObjectInserter.Formatter()) {
      ObjectId oldTree = oldTip == null ? null : rw.parseCommit(oldTip).getTree();
      ObjectId newTree = rw.parseCommit(newTip).getTree();
      SortedMap<String, TreeEntry> changed = ChangeLander.diff(reader, oldTree, newTree);
      Path root = repo.getWorkTree().toPath();
      DirCacheEditor editor = dc.editor();
      for (Map.Entry<String, TreeEntry> e : changed.entrySet()) {
        String path = e.getKey();
        TreeEntry next = e.getValue();
        TreeEntry prev = oldTree == null ? null : TreeEdits.lookup(reader, oldTree, path);
        DirCacheEntry idx = dc.getEntry(path);
        TreeEntry inIndex =
            idx == null ? null : new TreeEntry(idx.getFileMode(), idx.getObjectId());
        boolean indexClean = TreeEntry.same(inIndex, prev) || TreeEntry.same(inIndex, next);
        Path file = root.resolve(path);
        ObjectId onDisk = contentId(hasher, file);
        boolean fileClean =
            onDisk == null
                ? prev == null || next == null
                : (prev != null && onDisk.equals(prev.id()))
                    || (next != null && onDisk.equals(next.id()));
        if (!indexClean) {
          kept.add(path);
          continue;
        }
        if (fileClean) {
          write(reader, file, next, onDisk);
          editor.add(entryEdit(path, next, file, true));
          updated.add(path);
        } else {
          // Keep the person's file; the index follows the branch so their edit shows as theirs.
          editor.add(entryEdit(path, next, file, false));
          kept.add(path);
        }
      }
      editor.finish();
      dc.write();
      dc.commit();
      recordSynced(newTip);
    } finally {
      dc.unlock();
      state.meta(SYNCING, null);
    }
    if (!kept.isEmpty()) {
      LOG.info("kept local edits in {} path(s): {}", kept.size(), kept);
    }
    return new Report(updated, kept, false);
  }

  private DirCache lockIndex() throws IOException {
    for (int i = 0; i < 100; i++) {
      try {
        return repo.lockDirCache();
      } catch (LockFailedException e) {
        try {
          Thread.sleep(20);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return null;
        }
      }
    }
    return null;
  }

  private static DirCacheEditor.PathEdit entryEdit(
      String path, TreeEntry next, Path file, boolean statFromFile) {
    if (next == null) {
      return new DirCacheEditor.DeletePath(path);
    }
    return new DirCacheEditor.PathEdit(path) {
      @Override
      public void apply(DirCacheEntry ent) {
        ent.setFileMode(next.mode());
        ent.setObjectId(next.id());
        if (statFromFile) {
          try {
            ent.setLength(Files.size(file));
            ent.setLastModified(
                Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant());
          } catch (IOException e) {
            ent.setLength(0);
          }
        } else {
          // Zero stat data makes git hash the file again and see that it differs.
          ent.setLength(0);
          ent.setLastModified(java.time.Instant.EPOCH);
        }
      }
    };
  }

  private static ObjectId contentId(ObjectInserter.Formatter hasher, Path file) throws IOException {
    if (Files.isSymbolicLink(file)) {
      return hasher.idFor(
          Constants.OBJ_BLOB, Constants.encode(Files.readSymbolicLink(file).toString()));
    }
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    return hasher.idFor(Constants.OBJ_BLOB, Files.readAllBytes(file));
  }

  private static void write(ObjectReader reader, Path file, TreeEntry next, ObjectId onDisk)
      throws IOException {
    if (next == null) {
      Files.deleteIfExists(file);
      return;
    }
    if (next.id().equals(onDisk)) {
      return;
    }
    Files.createDirectories(file.getParent());
    byte[] content = reader.open(next.id(), Constants.OBJ_BLOB).getCachedBytes(Integer.MAX_VALUE);
    Files.deleteIfExists(file);
    if (next.mode().equals(FileMode.SYMLINK)) {
      Files.createSymbolicLink(
          file, Paths.get(new String(content, java.nio.charset.StandardCharsets.UTF_8)));
      return;
    }
    Path tmp = Files.createTempFile(file.getParent(), ".bp-", ".tmp");
    Files.write(tmp, content);
    try {
      // createTempFile makes the file private; a checked-out file gets git's usual modes.
      Set<PosixFilePermission> perms =
          java.util.EnumSet.of(
              PosixFilePermission.OWNER_READ,
              PosixFilePermission.OWNER_WRITE,
              PosixFilePermission.GROUP_READ,
              PosixFilePermission.OTHERS_READ);
      if (next.mode().equals(FileMode.EXECUTABLE_FILE)) {
        perms.add(PosixFilePermission.OWNER_EXECUTE);
        perms.add(PosixFilePermission.GROUP_EXECUTE);
        perms.add(PosixFilePermission.OTHERS_EXECUTE);
      }
      Files.setPosixFilePermissions(tmp, perms);
    } catch (UnsupportedOperationException ignored) {
      // not a POSIX file system: the mode lives in the index only
    }
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
