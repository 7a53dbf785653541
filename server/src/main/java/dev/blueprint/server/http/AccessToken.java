package dev.blueprint.server.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The bearer token HTTP clients must send. Taken from {@code BP_TOKEN}, else from {@code
 * .blueprint/token} in the repository, else generated and stored there, readable by the owner only
 * (0600), so a restarted server keeps working with configured clients.
 *
 * @param origin where the token came from: {@code env}, {@code file} or {@code generated}
 */
public record AccessToken(String value, String origin, Path file) {
  public static final String ENV = "BP_TOKEN";

  public AccessToken {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("empty token");
    }
  }

  /** Finds or makes the token for a repository. */
  public static AccessToken forRepository(Path repository, String fromEnv) throws IOException {
    Path file = repository.resolve(".blueprint").resolve("token");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return new AccessToken(fromEnv.trim(), "env", file);
    }
    if (Files.isRegularFile(file)) {
      String stored = Files.readString(file, StandardCharsets.UTF_8).trim();
      if (!stored.isEmpty()) {
        return new AccessToken(stored, "file", file);
      }
    }
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    store(file, token);
    return new AccessToken(token, "generated", file);
  }

  /** Constant-time comparison, so response timing does not reveal a prefix of the token. */
  public boolean matches(String candidate) {
    return candidate != null
        && MessageDigest.isEqual(
            value.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
  }

  private static void store(Path file, String token) throws IOException {
    Files.createDirectories(file.getParent());
    Path tmp = file.resolveSibling("token.tmp");
    Files.deleteIfExists(tmp);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      // Created with 0600 before the secret is written, so it is never readable by others.
      Files.createFile(
          tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(tmp);
    }
    Files.writeString(tmp, token + "\n", StandardCharsets.UTF_8);
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
