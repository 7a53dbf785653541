package dev.blueprint.server.mcp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers the last text read from each blueprint file with the file's status, so that a file an
 * agent validates again unchanged is answered with one {@code lstat} instead of a path resolution,
 * a read and a decode (most of a cached {@code validate}'s cost by path).
 *
 * <p>"Unchanged" is git's test for a clean index entry: same inode, size, modification and status
 * change times. The change time ({@code ctime}) moves on every write and cannot be set back by
 * {@code touch}, so an edit that keeps size and mtime is still seen. A write in the same clock tick
 * as the remembered status could keep all of them equal ("racy git"), so a status whose change time
 * is not older than the read by {@link #DEFAULT_RACY_MARGIN} is never trusted: such a file is read
 * again each time until it has aged. The status is taken without following a final symbolic link,
 * so a file replaced by a link (perhaps to outside the repository) no longer matches and goes
 * through the full resolution, which refuses it.
 *
 * <p>Where the platform has no {@code unix} attribute view, nothing is remembered.
 */
final class UnchangedFiles {
  /** Well above the file system's timestamp granularity and the clock's. */
  static final Duration DEFAULT_RACY_MARGIN = Duration.ofSeconds(2);

  private static final int MAX_FILES = 64;

  /** Characters of remembered text; the result cache usually holds the same strings. */
  private static final long MAX_CHARS = 32L * 1024 * 1024;

  private static final String ATTRIBUTES = "unix:ino,dev,size,lastModifiedTime,ctime,mode";
  private static final int S_IFMT = 0170000;
  private static final int S_IFREG = 0100000;

  /** What was read and the file's status when it was. */
  private record Stamp(Path file, BlueprintSource.Read read, Status status, boolean racy) {}

  /** What {@code lstat} says of a regular file, as far as telling a change goes. */
  record Status(long inode, long device, long size, FileTime modified, FileTime changed) {}

  private final Clock clock;
  private final long racyMarginMillis;
  private final LinkedHashMap<String, Stamp> stamps = new LinkedHashMap<>(16, 0.75f, true);
  private long chars;
  private volatile boolean supported = true;

  UnchangedFiles(Clock clock, Duration racyMargin) {
    this.clock = clock;
    this.racyMarginMillis = racyMargin.toMillis();
  }

  static UnchangedFiles systemClock() {
    return new UnchangedFiles(Clock.systemUTC(), DEFAULT_RACY_MARGIN);
  }

  /** The text last read for this name, when the file it came from is provably unchanged. */
  Optional<BlueprintSource.Read> lookup(String relative) {
    Stamp stamp;
    synchronized (this) {
      stamp = stamps.get(relative);
    }
    if (stamp == null || stamp.racy() || !supported) {
      return Optional.empty();
    }
    Optional<Status> now = status(stamp.file());
    return now.isPresent() && now.get().equals(stamp.status())
        ? Optional.of(stamp.read())
        : Optional.empty();
  }

  /**
   * Records what was read from {@code file} under {@code relative}; {@code before} is the file's
   * status taken before reading, so a write during the read leaves a stamp that no longer matches.
   */
  void remember(String relative, Path file, Optional<Status> before, BlueprintSource.Read read) {
    if (before.isEmpty()) {
      return;
    }
    long now = clock.millis();
    boolean racy = before.get().changed().toMillis() > now - racyMarginMillis;
    synchronized (this) {
      Stamp old = stamps.put(relative, new Stamp(file, read, before.get(), racy));
      chars += read.text().length() - (old == null ? 0 : old.read().text().length());
      var eldest = stamps.values().iterator();
      while ((stamps.size() > MAX_FILES || chars > MAX_CHARS) && eldest.hasNext()) {
        chars -= eldest.next().read().text().length();
        eldest.remove();
      }
    }
  }

  /** The status of a regular file, not following a final link; empty for anything else. */
  Optional<Status> status(Path file) {
    if (!supported) {
      return Optional.empty();
    }
    try {
      Map<String, Object> a = Files.readAttributes(file, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
      if ((((Integer) a.get("mode")) & S_IFMT) != S_IFREG) {
        return Optional.empty();
      }
      return Optional.of(
          new Status(
              (Long) a.get("ino"),
              (Long) a.get("dev"),
              (Long) a.get("size"),
              (FileTime) a.get("lastModifiedTime"),
              (FileTime) a.get("ctime")));
    } catch (UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
      supported = false;
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
