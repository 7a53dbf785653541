package dev.blueprint.journal.git.jgit;

import dev.blueprint.journal.git.GitLayerException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The single-writer role for one repository, across threads (a JVM lock, since the OS lock is per
 * process) and across processes (an OS lock on {@code .blueprint/queue.lock}, released by the OS
 * when a holder dies, so a killed writer never blocks the next one).
 */
final class WriterLock {
  private static final ConcurrentHashMap<Path, ReentrantLock> IN_JVM = new ConcurrentHashMap<>();

  private final Path file;
  private final ReentrantLock jvmLock;

  WriterLock(Path file) {
    this.file = file.toAbsolutePath().normalize();
    this.jvmLock = IN_JVM.computeIfAbsent(this.file, k -> new ReentrantLock());
  }

  /** A held writer role; closing releases it. */
  interface Held extends AutoCloseable {
    @Override
    void close();
  }

  /** Takes the role, waiting at most {@code waitMillis}; null if another writer holds it. */
  Held tryAcquire(long waitMillis) {
    try {
      if (!jvmLock.tryLock(waitMillis, TimeUnit.MILLISECONDS)) {
        return null;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
    FileChannel ch = null;
    try {
      ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
      FileLock lock;
      while ((lock = tryLock(ch)) == null) {
        if (System.nanoTime() > deadline) {
          ch.close();
          jvmLock.unlock();
          return null;
        }
        Thread.sleep(2);
      }
      FileChannel channel = ch;
      FileLock held = lock;
      return () -> {
        try {
          held.release();
          channel.close();
        } catch (IOException ignored) {
          // closing the channel releases the lock anyway
        } finally {
          jvmLock.unlock();
        }
      };
    } catch (IOException e) {
      closeQuietly(ch);
      jvmLock.unlock();
      throw new GitLayerException(
          "E_QUEUE_LOCK", "cannot lock " + file + ": " + e.getMessage(), file.toString(), e);
    } catch (InterruptedException e) {
      closeQuietly(ch);
      jvmLock.unlock();
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static FileLock tryLock(FileChannel ch) throws IOException {
    try {
      return ch.tryLock();
    } catch (OverlappingFileLockException e) {
      return null;
    }
  }

  private static void closeQuietly(FileChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException ignored) {
        // nothing to do
      }
    }
  }
}
