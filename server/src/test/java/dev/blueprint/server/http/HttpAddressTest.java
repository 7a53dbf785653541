package dev.blueprint.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HttpAddressTest {
  @Test
  void portAloneBindsLoopback() {
    assertThat(HttpAddress.parse("7345")).isEqualTo(new HttpAddress("127.0.0.1", 7345));
    assertThat(HttpAddress.parse("7345").isLoopback()).isTrue();
  }

  @Test
  void readsHostsIncludingBracketedIpv6() {
    assertThat(HttpAddress.parse("0.0.0.0:80")).isEqualTo(new HttpAddress("0.0.0.0", 80));
    assertThat(HttpAddress.parse("0.0.0.0:80").isLoopback()).isFalse();
    HttpAddress v6 = HttpAddress.parse("[::1]:9000");
    assertThat(v6).isEqualTo(new HttpAddress("::1", 9000));
    assertThat(v6.isLoopback()).isTrue();
    assertThat(v6.urlHost()).isEqualTo("[::1]");
  }

  @Test
  void refusesWhatIsNotHostAndPort() {
    assertThatThrownBy(() -> HttpAddress.parse("abc")).hasMessageContaining("not [HOST:]PORT");
    assertThatThrownBy(() -> HttpAddress.parse(":80")).hasMessageContaining("no host");
    assertThatThrownBy(() -> HttpAddress.parse("70000")).hasMessageContaining("out of range");
  }
}
