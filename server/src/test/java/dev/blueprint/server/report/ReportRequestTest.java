package dev.blueprint.server.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportRequestTest {
  @TempDir Path tmp;

  @Test
  void readsBackWhatItEncodesIncludingNewlinesAndNonAscii() throws IOException {
    ReportRequest r =
        new ReportRequest(
            ReportRequest.REPORT,
            "tok",
            "1-2",
            Path.of("/w/d\u00e9"),
            ReportRequest.environment(),
            List.of("--html", "a\nb.html", ""));
    assertThat(ReportRequest.read(new ByteArrayInputStream(r.encode()))).isEqualTo(r);
  }

  @Test
  void rejectsAnotherProtocolATruncatedRequestAndARelativeFolder() {
    byte[] good =
        new ReportRequest(
                ReportRequest.REPORT,
                "t",
                "k",
                Path.of("/w"),
                ReportRequest.environment(),
                List.of("--json"))
            .encode();
    assertThatThrownBy(() -> read("GET / HTTP/1.1\r\n\r\n")).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> ReportRequest.read(new ByteArrayInputStream(Arrays.copyOf(good, 20))))
        .isInstanceOf(IOException.class);
    String relative = new String(good, StandardCharsets.UTF_8).replace("\0/w\0", "\0w\0");
    assertThatThrownBy(() -> read(relative)).hasMessageContaining("not absolute");
  }

  @Test
  void theDaemonFileIsOneOwnerOnlyLine() throws IOException {
    Path file = tmp.resolve(".blueprint/report-daemon");
    ReportDaemonFile f = new ReportDaemonFile(4321, "ab12", "99-100", 77);
    f.write(file);
    assertThat(Files.readString(file)).isEqualTo("4321 ab12 99-100 77\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(ReportDaemonFile.read(file)).contains(f);
    Files.writeString(file, "4321 ab12\n");
    assertThat(ReportDaemonFile.read(file)).isEmpty();
    assertThat(ReportDaemonFile.read(tmp.resolve("missing"))).isEmpty();
  }

  private static ReportRequest read(String s) throws IOException {
    return ReportRequest.read(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)));
  }
}
