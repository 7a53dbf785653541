package dev.blueprint.server.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * {@code .blueprint/report-daemon}: where a repository's report daemon listens. One line, {@code
 * PORT TOKEN JAR_KEY PID}, so the launcher reads it with one {@code read}. Owner-only (0600): the
 * token is what lets a caller run reports in the daemon.
 */
public record ReportDaemonFile(int port, String token, String jarKey, long pid) {

  /** The file's place in a work tree. */
  public static Path path(Path workTree) {
    return workTree.resolve(".blueprint").resolve("report-daemon");
  }

  /** The file's contents, or empty when it is missing or not one well-formed line. */
  public static Optional<ReportDaemonFile> read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
    String[] parts = text.strip().split(" ");
    if (parts.length != 4) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new ReportDaemonFile(
              Integer.parseInt(parts[0]), parts[1], parts[2], Long.parseLong(parts[3])));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Writes the file owner-only through a temp file and an atomic move. */
  public void write(Path file) throws IOException {
    Path dir = Files.createDirectories(file.getParent());
    Path temp =
        Files.createTempFile(
            dir,
            ".report-daemon-",
            ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try {
      Files.writeString(temp, line(), StandardCharsets.UTF_8);
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  String line() {
    return port + " " + token + " " + jarKey + " " + pid + "\n";
  }
}
