package dev.blueprint.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessTokenTest {
  @TempDir Path repo;

  @Test
  void generatesOnceStoresOwnerOnlyAndReusesTheStoredToken() throws Exception {
    AccessToken first = AccessToken.forRepository(repo, null);
    assertThat(first.origin()).isEqualTo("generated");
    Path file = repo.resolve(".blueprint/token");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(file).trim()).isEqualTo(first.value());
    assertThat(Files.exists(repo.resolve(".blueprint/token.tmp"))).isFalse();

    AccessToken second = AccessToken.forRepository(repo, "");
    assertThat(second.origin()).isEqualTo("file");
    assertThat(second.value()).isEqualTo(first.value());
  }

  @Test
  void environmentWinsAndMatchingIsExact() throws Exception {
    AccessToken token = AccessToken.forRepository(repo, "s3cret");
    assertThat(token.origin()).isEqualTo("env");
    assertThat(Files.exists(repo.resolve(".blueprint/token"))).isFalse();
    assertThat(token.matches("s3cret")).isTrue();
    assertThat(token.matches("s3cre")).isFalse();
    assertThat(token.matches(null)).isFalse();
  }
}
