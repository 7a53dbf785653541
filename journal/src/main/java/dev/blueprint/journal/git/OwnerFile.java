package dev.blueprint.journal.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * Who owns a workspace: the process id and its start time, written next to the workspace before it
 * is created. A workspace whose owner process is gone (or whose pid now belongs to another process)
 * was left by a crash.
 */
record OwnerFile(long pid, Instant processStart, String branch, String baseCommit) {

  static OwnerFile ofCurrentProcess(String branch, String baseCommit) {
    ProcessHandle me = ProcessHandle.current();
    return new OwnerFile(
        me.pid(), me.info().startInstant().orElse(Instant.EPOCH), branch, baseCommit);
  }

  boolean ownerAlive() {
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .map(ph -> ph.info().startInstant().map(processStart::equals).orElse(true))
        .orElse(false);
  }

  void writeTo(Path file) {
    Properties p = new Properties();
    p.setProperty("pid", Long.toString(pid));
    p.setProperty("process_start", processStart.toString());
    p.setProperty("branch", branch);
    p.setProperty("base", baseCommit);
    try {
      Path tmp = Files.createTempFile(file.getParent(), ".owner-", ".tmp");
      try (var out = Files.newOutputStream(tmp)) {
        p.store(out, "blueprint workspace owner");
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new GitLayerException("E_WORKSPACE_OWNER", "cannot write " + file, file.toString(), e);
    }
  }

  static Optional<OwnerFile> read(Path file) {
    Properties p = new Properties();
    try (var in = Files.newInputStream(file)) {
      p.load(in);
      return Optional.of(
          new OwnerFile(
              Long.parseLong(p.getProperty("pid", "-1")),
              Instant.parse(p.getProperty("process_start", Instant.EPOCH.toString())),
              p.getProperty("branch", ""),
              p.getProperty("base", "")));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
